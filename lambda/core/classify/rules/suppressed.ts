// suppressed: not sent at all: the address is on the sending service's suppression list.
import type { ReasonRule } from '../rule.ts';

export const suppressedRule: ReasonRule<'suppressed'> = {
  reason: 'suppressed',
  category: 'rejected-as-spam-or-blocklisted',
  hardBounce: 'never',
  derivedDetail: '982',
  phrases: [
    'suppression list',
    'on the suppression',
    'address is suppressed',
    'suppressed',
    'previously bounced',
    'previously marked as spam',
    'has suppressed sending',
  ],
  sources: [
    'Sisimai 5 reason/why-suppressed.go (BSD-2-Clause)',
    'Amazon SES account-level and global suppression list notices; SendGrid and Mailgun suppression texts',
  ],
};
