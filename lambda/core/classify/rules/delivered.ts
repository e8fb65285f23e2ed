// delivered: delivered successfully: a positive delivery status notification.
import type { ReasonRule } from '../rule.ts';

export const deliveredRule: ReasonRule = {
  reason: 'delivered',
  phrases: [
    'delivered successfully',
    'successfully delivered',
    'delivery succeeded',
    'message delivered',
    'delivered to mailbox',
    'relayed successfully',
  ],
};
