// virusdetected: refused by a virus scanner.
import type { ReasonRule } from '../rule.ts';

export const virusdetectedRule: ReasonRule<'virusdetected'> = {
  reason: 'virusdetected',
  category: 'rejected-as-spam-or-blocklisted',
  hardBounce: 'never',
  derivedDetail: '981',
  phrases: [
    'virus',
    'malware',
    'trojan',
    'infected',
    'malicious',
    'contains a threat',
    'dangerous content',
    'harmful content',
    'potentially executable attachment',
    'used by recent viruses',
    'unsafe content',
    'heuristics.',
  ],
  // "Spam or virus" names no virus (spamdetected.ts).
  unless: [/\bspam or virus\b|\bspam\/virus\b/],
  providers: {
    facebook: { words: [/\bpol-p5\b/] },
    mimecast: { words: ['mcspamsignature', 'virus signature'] },
    godaddy: { words: [/\bib(?:705)\b/] },
    messagelabs: { words: ['message contained a virus'] },
  },
  sources: [
    'Sisimai 5 reason/why-virusdetected.go (BSD-2-Clause), the wordings only',
    'ClamAV/amavisd-new ("Virus detected"), Exim malware ACL, Sophos, Trend Micro texts',
    'Mimecast "MCSpamSignature" (signature scanner); MessageLabs "message contained a virus"',
  ],
};
