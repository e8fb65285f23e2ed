// systemfull: the receiving server's disk is full.
import type { ReasonRule } from '../rule.ts';

export const systemfullRule: ReasonRule = {
  reason: 'systemfull',
  phrases: [
    'mail system full',
    'system full',
    'insufficient system storage',
    'disk full',
    'disk is full',
    'file system full',
    'filesystem full',
    'out of disk space',
    'insufficient disk space',
    'not enough disk space',
    'no space on device',
    'space shortage',
    'server is full',
    'queue is full',
    'mail queue full',
  ],
};
