// systemfull: the receiving server's disk (mail system storage) is full.
import type { ReasonRule } from '../rule.ts';

export const systemfullRule: ReasonRule<'systemfull'> = {
  reason: 'systemfull',
  category: 'temporary-or-delayed',
  hardBounce: 'never',
  derivedDetail: '931',
  // X.3.1 mail system full, X.4.5 mail system congestion (RFC 3463).
  statuses: ['3.1'],
  // 4.4.5 mail system congestion: also what a merely busy server answers.
  genericStatuses: ['4.4.5'],
  // 452 "requested action not taken: insufficient system storage" (RFC 5321).
  replyCodes: ['452'],
  // Some servers answer any temporary system error with X.3.1: the words say which.
  yieldsTo: ['systemerror'],
  phrases: [
    'mail system full',
    'system full',
    'insufficient system storage',
    'insufficient system resources',
    'disk full',
    'disk is full',
    'file system full',
    'filesystem full',
    'out of disk space',
    'not enough disk space',
    'no space on device',
    'space shortage',
    'server is full',
    'queue is full',
    'mail queue full',
  ],
  sources: [
    'RFC 3463 (X.3.1, X.4.5), RFC 5321 (452)',
    'Sisimai 5 reason/why-systemfull.go (BSD-2-Clause)',
    'Postfix "Insufficient system storage"; Microsoft 365 NDR 4.3.1 (insufficient system resources)',
  ],
};
