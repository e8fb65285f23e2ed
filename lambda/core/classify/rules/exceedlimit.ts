// exceedlimit: the message exceeded a limit set for the recipient (a per-mailbox size limit).
import type { ReasonRule } from '../rule.ts';

export const exceedlimitRule: ReasonRule<'exceedlimit'> = {
  reason: 'exceedlimit',
  category: 'message-too-large',
  hardBounce: 'never',
  derivedDetail: '923',
  // X.2.3 message length exceeds administrative limit (per mailbox, RFC 3463).
  statuses: ['2.3'],
  phrases: [
    'message length exceeds administrative limit',
    'limit set by recipient',
    'limit set by the recipient',
    'message too large for this recipient',
    'exceeds the size limit of the recipient',
    'recipsizelimit',
    'message header size exceeds limit',
    'too large for the recipient',
    "exceeds google's limit of",
    "exceeded google's message header size limits",
    'bytes per individual header size',
    "exceeds google's header name limit",
    "exceeds google's message header size limit",
    'sendsizelimit',
    'maximum size the user accepts',
  ],
  sources: [
    'RFC 3463 (X.2.3)',
    'Sisimai 5 reason/why-exceedlimit.go (BSD-2-Clause)',
    'Microsoft 365 NDR 5.2.3 RESOLVER.RST.RecipSizeLimit',
  ],
};
