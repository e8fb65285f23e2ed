// toomanyconn: refused because the sending server opened too many connections (or recipients).
import type { ReasonRule } from '../rule.ts';

export const toomanyconnRule: ReasonRule = {
  reason: 'toomanyconn',
  category: 'rejected-as-spam-or-blocklisted',
  hardBounce: 'never',
  derivedDetail: '935',
  // 5.5.3 too many recipients (RFC 3463): a limit per connection or transaction.
  statuses: ['5.5.3'],
  phrases: [
    'too many connections',
    'too many concurrent',
    'too many simultaneous',
    'too many open connections',
    'too many sessions',
    'too many smtp sessions',
    'too many recipients',
    'too many errors from your ip',
    'concurrent connections',
    'simultaneous connections',
    'connection limit',
    'connection rate',
    'connection count',
    'connections per',
    'max connections',
    'maximum number of connections',
    'exceeds connection limit',
    'per-domain connection limit',
    'all available ips are at maximum connection limit',
    'max message per connection',
    'trop de connexions',
    'exceeding outbound thread limit',
  ],
  providers: {
    microsoft: { words: ['has exceeded the maximum number of connections'] },
    cox: { words: [/aup#(?:cxcnct|cxconn)/] },
    spectrum: { words: [/aup#in-13\d\d\b/] },
    tencent: { words: [/(?<!domain )frequency limited/] },
    mimecast: { words: ['account service is temporarily unavailable'] },
  },
  sources: [
    'RFC 3463 (X.5.3)',
    'Sisimai 5 reason/why-toomanyconn.go (BSD-2-Clause): a limit on connections, sessions or recipients',
    'Postfix postscreen/anvil "too many connections from", Sendmail daemon.c "too many SMTP sessions for this host"',
    'Microsoft 365 4.7.652; Cox and Spectrum AUP codes; Tencent "Ip frequency limited"; Mimecast SMTP error codes; Free.fr',
  ],
};
