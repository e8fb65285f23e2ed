// Mimecast: refusals name the policy or signature that fired.
import type { ProviderRule } from './provider.ts';

export const mimecast: ProviderRule = {
  id: 'mimecast',
  hosts: ['mimecast.com', 'mimecast.co.za', 'mimecast-offshore.com'],
  table: [
    ['host network not allowed', 'policyviolation'],
    ['mcspamsignature', 'virusdetected'], // Mimecast's signature scanner (spam and malware)
    ['virus signature', 'virusdetected'],
    ['message rejected by a spam scanner', 'spamdetected'],
    ['ip reputation', 'badreputation'],
    ['sender address blocked', 'rejected'],
    ['envelope blocked', 'policyviolation'],
    ['recipient address rejected', 'userunknown'],
  ],
};
