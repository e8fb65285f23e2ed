// onhold: undecided: the bounce holds too little detail to judge.
import type { ReasonRule } from '../rule.ts';

export const onholdRule: ReasonRule<'onhold'> = {
  reason: 'onhold',
  category: 'other',
  hardBounce: 'never',
  derivedDetail: '901',
  phrases: ['delivery is on hold', 'message held'],
  sources: ['Sisimai 5 reason/why-onhold.go (BSD-2-Clause): the verdict when words exist but name no reason'],
};
