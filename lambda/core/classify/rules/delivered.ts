// delivered: delivered successfully: a positive delivery status notification.
import type { ReasonRule } from '../rule.ts';

export const deliveredRule: ReasonRule<'delivered'> = {
  reason: 'delivered',
  category: 'other',
  hardBounce: 'never',
  derivedDetail: '0',
  phrases: [
    'delivered successfully',
    'successfully delivered',
    'delivery succeeded',
    'message delivered',
    'delivered to mailbox',
    'relayed successfully',
  ],
  sources: ['RFC 3464 (Action: delivered, relayed, expanded; status 2.x.x)'],
};
