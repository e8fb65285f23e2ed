// feedback: a complaint (feedback loop report) sent back by a mailbox provider.
import type { ReasonRule } from '../rule.ts';

export const feedbackRule: ReasonRule = {
  reason: 'feedback',
  phrases: ['feedback-type', 'abuse report', 'this is an email abuse report', 'complaint about a message'],
};
