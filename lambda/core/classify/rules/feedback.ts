// feedback: a complaint (feedback loop report) sent back by a mailbox provider.
import type { ReasonRule } from '../rule.ts';

export const feedbackRule: ReasonRule<'feedback'> = {
  reason: 'feedback',
  category: 'complaint',
  hardBounce: 'never',
  phrases: ['feedback-type', 'abuse report', 'this is an email abuse report', 'complaint about a message'],
  sources: ['RFC 5965 (ARF), RFC 6650; Sisimai 5 reason/why-feedback.go (BSD-2-Clause)'],
};
