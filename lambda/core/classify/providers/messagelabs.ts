// Symantec/Broadcom MessageLabs (Email Security.cloud): the gateway reports refusals in its own words.
import type { ProviderRule } from './provider.ts';

export const messagelabs: ProviderRule = {
  id: 'messagelabs',
  hosts: ['messagelabs.com'],
  table: [
    ['no such user', 'userunknown'],
    ['user unknown', 'userunknown'],
    ['turn on smtp authentication', 'securityerror'],
    ['not permitted to relay', 'norelaying'],
    ['blocked by spam filter', 'spamdetected'],
    ['message contained a virus', 'virusdetected'],
  ],
};
