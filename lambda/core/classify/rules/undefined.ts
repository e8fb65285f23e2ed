// undefined: undecided: no error detail at all.
import type { ReasonRule } from '../rule.ts';

export const undefinedRule: ReasonRule = {
  reason: 'undefined',
  phrases: ['unknown error', 'undefined error'],
};
