// notaccept: the receiving domain accepts no mail at all (for example a null MX).
import type { ReasonRule } from '../rule.ts';

export const notacceptRule: ReasonRule = {
  reason: 'notaccept',
  phrases: [
    'no mx record found',
    'does not accept mail',
    'not accepting mail',
    'accepts no mail',
    'null mx',
    'no mail accepted',
    'domain does not accept',
    'does not receive mail',
    'mail is not accepted',
    'not accept any mail',
    'this domain is not set up to receive',
  ],
};
