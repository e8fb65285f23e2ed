// contenterror: rejected because of the message's header or MIME format.
import type { ReasonRule } from '../rule.ts';

export const contenterrorRule: ReasonRule = {
  reason: 'contenterror',
  phrases: [
    'header is invalid',
    'invalid header',
    'illegal header',
    'malformed header',
    'improper use of 8-bit data',
    '8-bit data',
    '8bit data',
    'content error',
    'message header',
    'headers are invalid',
    'mime error',
    'invalid mime',
    'malformed mime',
    'bad message format',
    'message format error',
    'line too long',
    'lines too long',
    'message contains invalid',
    'improperly formatted',
  ],
};
