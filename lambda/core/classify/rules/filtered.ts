// filtered: refused after the message was sent, by the recipient's own filter or the headers.
import type { ReasonRule } from '../rule.ts';
import { NO_SUCH_ADDRESS, userunknownRule } from './userunknown.ts';

export const filteredRule: ReasonRule<'filtered'> = {
  reason: 'filtered',
  category: 'rejected-as-spam-or-blocklisted',
  hardBounce: 'never',
  derivedDetail: '910',
  // X.2.0 other mailbox status, X.2.1 mailbox disabled: the mailbox exists but refuses this mail.
  statuses: ['2.0', '2.1', '5.2.4'],
  phrases: [
    'message filtered',
    'mail filtered',
    "refused by the recipient's filter",
    "rejected by the recipient's filter",
    "recipient's filter",
    'due to a user filter',
    'user filter',
    'recipient filter',
    'message rejected due to user rules',
    'user refuses to receive this mail',
    'recipient id refuse to receive mail',
    'recipient refuses to accept your mail',
    'user reject',
    'rejected by recipient',
    'refused by recipient',
    'rejected by the recipient',
    'blocked by the recipient',
    'you have been blocked by the recipient',
    'sender is blocked by the recipient',
    'recipient has blocked',
    'is not accepting any mail',
    'recipient is only accepting mail from specific',
    'refused due to recipient preferences',
    'account is protected by',
    'has restricted sms e-mail',
    'not found recipient account',
    'bounced address',
    // "User unknown" answered only after the message was sent is a filter's verdict (Sisimai's convention).
    ...userunknownRule.phrases,
  ],
  patterns: NO_SUCH_ADDRESS,
  onlyAfter: ['DATA', 'BDAT', 'QUIT', ''],
  unless: userunknownRule.unless,
  // X.2.0 and X.2.1 are also used for rate limits and disabled accounts: they need the words.
  statusNeedsWords: true,
  providers: {
    iua: { words: [/\bi\.ua\/err\/(?:10)\//] },
    // NTT docomo refuses with 5.2.0 when the recipient's domain filter (指定受信) does not allow the sender.
    docomo: { statuses: ['5.2.0'] },
    // au answers a bare "550 : User unknown" when the recipient's own filter refuses the sender.
    au: { words: [/^5\d\d :? ?user unknown$/] },
    // Facebook's RCP-P2 and RCP-P3: the recipient's preferences or privacy settings refused the mail.
    facebook: { words: [/\brcp-p[23]\b/, 'refused due to recipient preferences'] },
  },
  sources: [
    'RFC 3463 (X.2.0, X.2.1, X.2.4)',
    'Sisimai 5 reason/why-filtered.go (BSD-2-Clause): the after-DATA convention and the wordings',
    'NTT docomo and au (KDDI) refusal conventions for domain filtering (指定受信); Facebook postmaster response codes',
  ],
};
