// contenterror: refused because of the message's header or MIME format.
import type { ReasonRule } from '../rule.ts';

export const contenterrorRule: ReasonRule<'contenterror'> = {
  reason: 'contenterror',
  category: 'rejected-as-spam-or-blocklisted',
  hardBounce: 'never',
  derivedDetail: '960',
  // X.6.x message content or media status (RFC 3463, RFC 6531).
  statuses: ['6.0', '6.1', '6.2', '6.3', '6.5', '6.6', '6.7', '6.8', '6.9', '6.11'],
  phrases: [
    'header is invalid',
    'headers are invalid',
    'invalid header',
    'illegal header',
    'malformed header',
    'invalid mime',
    'malformed mime',
    'mime error',
    'mime complexity',
    'improper use of 8-bit data',
    '8-bit data',
    // Sendmail's srvrsmtp.c: "554 5.6.0 Eight bit data not allowed".
    'eight bit data',
    '8bit data',
    'bare line feed',
    'invalid characters',
    'header size exceeds',
    'headers too large',
    'too many received: headers',
    'exceeds the policy maximum',
    'header size, or recipient list, exceeds',
    'bad message format',
    'message format error',
    'content error',
    'improperly formatted',
    'improperly-formatted',
    'unnecessary base64 encoding',
    'message contains invalid',
    'too many related errors',
    'agent generated message depth exceeded',
    'x-dg-ref header is too long',
  ],
  // X.6.x is also what spam filters answer: their words win (after Sisimai's ContentError).
  yieldsTo: ['spamdetected'],
  sources: [
    'RFC 3463 (X.6.x), RFC 6531 (X.6.7-X.6.9), RFC 5321 (line length)',
    'Sisimai 5 reason/why-contenterror.go (BSD-2-Clause), the wordings only',
    'Microsoft 365 NDR 5.6.11 (bare line feeds), 5.3.0, 5.4.11; Exim "message has lines too long for transport"',
  ],
};
