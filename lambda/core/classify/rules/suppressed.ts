// suppressed: not sent: the address is on the sending service's suppression list.
import type { ReasonRule } from '../rule.ts';

export const suppressedRule: ReasonRule = {
  reason: 'suppressed',
  phrases: ['suppression list', 'suppressed', 'on the suppression', 'address is suppressed'],
};
