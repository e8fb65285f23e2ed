// onhold: undecided: the bounce holds too little detail to judge.
import type { ReasonRule } from '../rule.ts';

export const onholdRule: ReasonRule = {
  reason: 'onhold',
  phrases: ['delivery is on hold', 'message held'],
};
