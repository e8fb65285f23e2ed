// filtered: rejected after the message was sent, by the recipient's own filter or the headers.
import type { ReasonRule } from '../rule.ts';
import { userunknownRule } from './userunknown.ts';

export const filteredRule: ReasonRule = {
  reason: 'filtered',
  phrases: [
    'filtered',
    "refused by the recipient's filter",
    "rejected by the recipient's filter",
    "recipient's filter",
    'user filter',
    'recipient filter',
    'rejected by recipient',
    'refused by recipient',
    'rejected by the recipient',
    'due to a user filter',
    'blocked by the recipient',
    'recipient has blocked',
    'recipient blocked',
    'because the recipient is not accepting',
    'not accepting mail from',
    'does not accept mail from',
    'you have been blocked by',
    'sender is blocked by the recipient',
    'recipient does not accept',
    'message rejected by the recipient',
    'mail rejected by recipient',
    // "User unknown" answered only after the message was sent is a filter's verdict, not an unknown address.
    ...userunknownRule.phrases,
  ],
  onlyAfter: ['DATA', 'BDAT', 'QUIT', ''],
  // X.2.0 and X.2.1 are also used for rate limits and disabled accounts: they need the words.
  namedNeedsWords: true,
};
