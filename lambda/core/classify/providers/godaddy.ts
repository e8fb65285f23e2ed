// GoDaddy (secureserver.net): refusals carry GoDaddy's IB codes and blocklist links.
import type { ProviderRule } from './provider.ts';

export const godaddy: ProviderRule = {
  id: 'godaddy',
  hosts: ['secureserver.net'],
  table: [
    ['sent to too many recipients', 'speeding'],
    [/\bib(?:101|102|103|104|105|106|108)\b/, 'blocked'],
    [/\bib(?:401|402|403|404|405|406|407|408|409|410)\b/, 'rejected'],
    [/\bib(?:501|502|504|505)\b/, 'suspend'],
    [/\bib(?:605|606|607|608)\b/, 'speeding'],
    ['spamhaus.org', 'blocked'],
  ],
};
