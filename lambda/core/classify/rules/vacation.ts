// vacation: an automatic out-of-office reply.
import type { ReasonRule } from '../rule.ts';

export const vacationRule: ReasonRule<'vacation'> = {
  reason: 'vacation',
  category: 'auto-reply',
  hardBounce: 'never',
  phrases: [
    'out of office',
    'out of the office',
    'away from the office',
    'on vacation',
    'on holiday',
    'auto reply',
    'autoreply',
    'auto-reply',
    'automatic reply',
    'away from my email',
    '不在',
    '自動応答',
    '自動返信',
  ],
  sources: ['RFC 3834 (automatic responses); Sisimai 5 reason/why-vacation.go (BSD-2-Clause)'],
};
