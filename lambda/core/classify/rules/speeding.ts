// speeding: rejected for sending too fast: a rate limit of the receiving host.
import type { ReasonRule } from '../rule.ts';

export const speedingRule: ReasonRule = {
  reason: 'speeding',
  phrases: [
    'rate limit',
    'rate-limit',
    'ratelimit',
    'too many messages',
    'too many emails',
    'too many mails',
    'sending rate',
    'exceeded the rate',
    'rate exceeded',
    'throttl',
    'too fast',
    'receiving mail at a rate',
    'messages per',
    'mails per',
    'message rate',
    'sent too many',
    'send rate',
    'sending too much',
  ],
};
