// exceedlimit: the message exceeded a limit set for the recipient (a per-mailbox size limit).
import type { ReasonRule } from '../rule.ts';

export const exceedlimitRule: ReasonRule = {
  reason: 'exceedlimit',
  category: 'message-too-large',
  hardBounce: 'never',
  derivedDetail: '923',
  // X.2.3 message length exceeds administrative limit (per mailbox, RFC 3463).
  statuses: ['2.3'],
  phrases: [
    'message length exceeds administrative limit',
    'exceeds administrative limit',
    'limit set by recipient',
    'limit set by the recipient',
    'message too large for this recipient',
    'exceeds the size limit of the recipient',
    'recipsizelimit',
    'message header size exceeds limit',
  ],
  // X.2.3 is also sent for a server's fixed size limit: the words of a too-large message win.
  yieldsTo: ['mesgtoobig'],
  sources: [
    'RFC 3463 (X.2.3)',
    'Sisimai 5 reason/why-exceedlimit.go (BSD-2-Clause)',
    'Microsoft 365 NDR 5.2.3 RESOLVER.RST.RecipSizeLimit',
  ],
};
