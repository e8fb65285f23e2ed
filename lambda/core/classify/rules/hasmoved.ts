// hasmoved: the recipient's mailbox has moved and mail is not forwarded.
import type { ReasonRule } from '../rule.ts';

export const hasmovedRule: ReasonRule = {
  reason: 'hasmoved',
  phrases: [
    'has been moved',
    'has moved',
    'user moved',
    'mailbox moved',
    'no longer with',
    'no longer at',
    'address has changed',
    'has changed address',
    'changed e-mail address',
    'moved to',
    'new address',
    'user not local; please try',
    'not local; please try',
    'is no longer valid; please use',
  ],
};
