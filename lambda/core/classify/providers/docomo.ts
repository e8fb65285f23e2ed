// NTT docomo: refuses after DATA with "Unknown user" when the recipient's domain filter (指定受信)
// does not allow the sender: the sender is refused, the address is fine.
import type { ProviderRule } from './provider.ts';

export const docomo: ProviderRule = {
  id: 'docomo',
  hosts: ['docomo.ne.jp'],
  domains: ['docomo.ne.jp'],
  table: [
    ['5.2.0', 'filtered'],
    [/^5\d\d unknown user\b/, 'rejected'],
    ['too much mail data', 'mailboxfull'],
  ],
};
