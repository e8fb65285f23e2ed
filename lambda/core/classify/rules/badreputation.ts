// badreputation: refused because of the sending IP address's or domain's reputation.
import type { ReasonRule } from '../rule.ts';

export const badreputationRule: ReasonRule<'badreputation'> = {
  reason: 'badreputation',
  category: 'rejected-as-spam-or-blocklisted',
  hardBounce: 'never',
  derivedDetail: '975',
  phrases: [
    'bad reputation',
    'poor reputation',
    'low reputation',
    'ip reputation',
    'sender reputation',
    'domain reputation',
    'reputation of the sending',
    "sending ip's reputation",
    "sending domain's reputation",
    "sending mta's poor reputation",
    'poor email reputation score',
    'ip/domain reputation problems',
    'reputation policy',
    'reputation is too low',
    'unexpected volume or user complaints',
  ],
  providers: {
    google: { words: ['very low reputation of the sending'] },
    microsoft: { words: [/\b[45]\.7\.650\b/, /\b(?:rp-00[123]|sc-001|ou-002)\b/] },
    mimecast: { words: ['ip reputation', 'internal resources are temporarily unavailable'] },
    messagelabs: { words: ['connection rejected by policy'] },
    godaddy: { words: [/\bib(?:103)\b/] },
  },
  sources: [
    'Sisimai 5 reason/why-badreputation.go and rhost modules (BSD-2-Clause), the wordings only',
    'Google Workspace 421 4.7.0 / 550 5.7.1 (very low reputation), 4.7.28 (unusual rate of mail)',
    'Microsoft 365 NDR 4.7.650 and Outlook.com postmaster codes RP-001-003, SC-001, OU-002; Yahoo [TSS04]',
    'Mimecast SMTP error codes (IP reputation); T-Online "none/bad reputation"',
  ],
};
