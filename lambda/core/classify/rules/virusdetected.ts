// virusdetected: rejected by a virus scanner.
import type { ReasonRule } from '../rule.ts';

export const virusdetectedRule: ReasonRule = {
  reason: 'virusdetected',
  phrases: [
    'virus',
    'infected',
    'malware',
    'malicious',
    'trojan',
    'worm',
    'contains a threat',
    'dangerous content',
    'harmful content',
  ],
};
