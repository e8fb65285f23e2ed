// Yahoo Inc. (Yahoo Mail, AOL): refusals carry Yahoo's own codes ([TSS04], [TS03], ...).
import type { ProviderRule } from './provider.ts';

export const yahoo: ProviderRule = {
  id: 'yahoo',
  hosts: ['yahoodns.net', 'yahoo.com', 'aol.com'],
  table: [
    // "Messages from <ip> temporarily deferred due to unexpected volume or user complaints".
    [/\[ts(?:s0[1-9]|0[1-4])\]/, 'rejected'],
    ["this user doesn't have a", 'userunknown'],
    ['user unknown', 'userunknown'],
    ['not accepted for policy reasons', 'policyviolation'],
    ['message not accepted for', 'spamdetected'],
  ],
};
