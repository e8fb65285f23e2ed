// spamdetected: rejected by the receiving host's spam filter.
import type { ReasonRule } from '../rule.ts';

export const spamdetectedRule: ReasonRule = {
  reason: 'spamdetected',
  phrases: [
    'junk mail',
    'junk e-mail',
    'unsolicited',
    'bulk mail',
    'bulk email',
    'content rejected',
    'message content rejected',
    'content filter',
    'classified as',
    'detected as',
    'looks like',
    'appears to be',
    'suspicious',
    'scam',
    'phishing',
    'spamassassin',
    'spam score',
    'probably spam',
    'high probability',
    'blocked by the content filter',
    'rejected by content',
    'message rejected as',
  ],
  // "spam", but not the blocklists Spamhaus and SpamCop (those are about the sending IP: blocked).
  patterns: [/\bspam(?!haus|cop)/],
};
