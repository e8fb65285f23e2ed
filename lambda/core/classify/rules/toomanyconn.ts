// toomanyconn: refused because the sending server opened too many connections.
import type { ReasonRule } from '../rule.ts';

export const toomanyconnRule: ReasonRule = {
  reason: 'toomanyconn',
  phrases: [
    'too many recipients',
    'too many connections',
    'too many concurrent',
    'too many simultaneous',
    'connection limit',
    'too many sessions',
    'concurrent connections',
    'simultaneous connections',
    'exceeds connection limit',
    'connection count',
    'too many open connections',
    'max connections',
  ],
};
