// Cox Communications: refusals end with an acceptable-use code (AUP#...) from its error-code page.
import type { ProviderRule } from './provider.ts';

export const cox: ProviderRule = {
  id: 'cox',
  hosts: ['cox.net'],
  domains: ['cox.net'],
  table: [
    [/aup#(?:cdrbl|cxbl|cxdnsbl|cxsbl|in-1\d)/, 'blocked'],
    [/aup#(?:cxcnct|cxconn)/, 'toomanyconn'],
    [/aup#(?:cxmxrt|cxrate)/, 'speeding'],
    [/aup#(?:cxsnd|cxrcpt)/, 'rejected'],
  ],
};
