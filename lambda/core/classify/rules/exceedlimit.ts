// exceedlimit: the message exceeded a limit of the recipient, such as a mailbox size limit for one message.
import type { ReasonRule } from '../rule.ts';

export const exceedlimitRule: ReasonRule = {
  reason: 'exceedlimit',
  phrases: [
    'limit set by recipient',
    'limit set by the recipient',
    'message length exceeds administrative limit',
    'exceeds administrative limit',
    'message header size exceeds limit',
    'header size exceeds',
    'recipient limit',
    'exceeded the recipient limit',
    'message too large for this recipient',
    'exceeds the size limit of the recipient',
  ],
  // X.2.3 is also sent for a server's fixed size limit: the words of a too-large message win.
  yieldsTo: ['mesgtoobig'],
};
