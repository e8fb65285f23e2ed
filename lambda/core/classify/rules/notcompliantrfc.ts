// notcompliantrfc: rejected because the message does not comply with the mail RFCs.
import type { ReasonRule } from '../rule.ts';

export const notcompliantrfcRule: ReasonRule = {
  reason: 'notcompliantrfc',
  phrases: [
    'rfc 5322',
    'rfc5322',
    'rfc 2822',
    'rfc2822',
    'rfc-5322',
    'not rfc compliant',
    'rfc compliant',
    'does not conform to rfc',
    'not compliant with rfc',
    'non-compliant',
    'multiple from',
    'duplicate header',
    'multiple addresses in from',
    'missing required header',
    'message is not rfc',
    'violates rfc',
    'not valid rfc',
  ],
};
