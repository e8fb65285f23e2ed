// hasmoved: the recipient's mailbox has moved and mail is not forwarded.
import type { ReasonRule } from '../rule.ts';

export const hasmovedRule: ReasonRule<'hasmoved'> = {
  reason: 'hasmoved',
  category: 'recipient-unknown',
  hardBounce: 'always',
  derivedDetail: '916',
  // X.1.6 mailbox has moved, no forwarding address; X.7.17/X.7.18 mailbox or domain owner changed (RFC 7293).
  statuses: ['1.6', '7.17', '7.18'],
  // 551 "user not local; please try <forward-path>" (RFC 5321).
  replyCodes: ['551'],
  phrases: [
    'has been replaced by',
    'has moved',
    'has been moved',
    'mailbox moved',
    'user moved',
    'address has changed',
    'has changed address',
    'changed e-mail address',
    'changed email address',
    'no longer with',
    'no longer at',
    'no longer on server',
    'user not local; please try',
    'not local; please try',
    'is no longer valid; please use',
    'no longer accept mail',
  ],
  providers: {
    apple: { words: ['recipient no longer on server'] },
  },
  sources: [
    'RFC 3463 (X.1.6), RFC 7293 (X.7.17, X.7.18), RFC 5321 (551)',
    'Sisimai 5 reason/why-hasmoved.go (BSD-2-Clause)',
    'Apple iCloud 550 5.1.6 "recipient no longer on server"',
  ],
};
