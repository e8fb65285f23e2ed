// notcompliantrfc: refused because the message does not comply with the mail RFCs (RFC 5322).
import type { ReasonRule } from '../rule.ts';

export const notcompliantrfcRule: ReasonRule = {
  reason: 'notcompliantrfc',
  category: 'rejected-as-spam-or-blocklisted',
  hardBounce: 'never',
  derivedDetail: '977',
  phrases: [
    'rfc 5322',
    'rfc5322',
    'rfc-5322',
    'rfc 2822',
    'rfc2822',
    'rfc compliant',
    'not rfc compliant',
    'does not conform to rfc',
    'not compliant with rfc',
    'violates rfc',
    'not valid rfc',
    'message is not rfc',
    'non-compliant',
    'duplicate header',
    'multiple from',
    'multiple addresses in from',
    'missing required header',
    'missing a valid address in the from',
    'missing a valid message-id',
    'unicode character in a disallowed header',
    'encoded-word syntax is not permitted',
    'mail message is malformed',
    'headers are not rfc compliant',
  ],
  patterns: [/\bmultiple\b[^.;]{0,30}\bheaders?\b/],
  providers: {
    google: { words: ['multiple addresses in from: header', 'not rfc 5322 compliant'] },
  },
  sources: [
    'RFC 5322 (one From, one Subject, required fields)',
    'Sisimai 5 reason/why-notcompliantrfc.go (BSD-2-Clause)',
    'Google Workspace 550 5.7.1 RfcMessageNonCompliant texts, 554 5.6.0 "Mail message is malformed"; Yahoo "headers are not RFC compliant"',
  ],
};
