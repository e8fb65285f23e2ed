// Tencent (QQ Mail): refusals name Tencent's limits ("Ip frequency limited", "Mailbox not found").
import type { ProviderRule } from './provider.ts';

export const tencent: ProviderRule = {
  id: 'tencent',
  hosts: ['qq.com', 'exmail.qq.com'],
  domains: ['qq.com', 'foxmail.com'],
  table: [
    ['frequency limited', 'toomanyconn'],
    ['connection frequency limited', 'toomanyconn'],
    ['ip frequency limited', 'toomanyconn'],
    ['domain frequency limited', 'speeding'],
    ['mailbox not found', 'userunknown'],
    ['mailbox unavailable or access denied', 'userunknown'],
    ['content is rejected', 'spamdetected'],
    ['spam', 'spamdetected'],
  ],
};
