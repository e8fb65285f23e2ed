// exceedlimit: the message exceeded a limit of the recipient, such as a mailbox size limit for one message.
import type { ReasonRule } from '../rule.ts';

export const exceedlimitRule: ReasonRule = {
  reason: 'exceedlimit',
  phrases: [
    'message length exceeds administrative limit',
    'exceeds administrative limit',
    'message header size exceeds limit',
    'header size exceeds',
    'recipient limit',
    'exceeded the recipient limit',
    'message too large for this recipient',
    'exceeds the size limit of the recipient',
  ],
};
