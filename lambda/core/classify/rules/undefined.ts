// undefined: undecided: no error detail at all.
import type { ReasonRule } from '../rule.ts';

export const undefinedRule: ReasonRule<'undefined'> = {
  reason: 'undefined',
  category: 'other',
  hardBounce: 'never',
  derivedDetail: '900',
  phrases: ['unknown error', 'undefined error'],
  sources: [
    'Sisimai 5 reason/why-undefined.go (BSD-2-Clause): the verdict when the bounce gives nothing to read',
  ],
};
