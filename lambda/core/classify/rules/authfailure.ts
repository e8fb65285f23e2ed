// authfailure: refused by the receiving side's SPF, DKIM or DMARC checks of the sender's domain.
import type { ReasonRule } from '../rule.ts';

export const authfailureRule: ReasonRule<'authfailure'> = {
  reason: 'authfailure',
  category: 'sender-authentication',
  hardBounce: 'never',
  derivedDetail: '974',
  // X.7.20-X.7.24 DKIM and SPF (RFC 7372), X.7.26 multiple checks failed, X.7.29 ARC (RFC 8617).
  statuses: ['7.20', '7.21', '7.22', '7.23', '7.24', '7.26', '7.29'],
  phrases: [
    'sender policy framework',
    'does not designate',
    'not designated as permitted sender',
    'not permitted sender',
    'is not allowed to send from',
    'is not allowed to send mail from',
    'bad spf records',
    'inspect your spf settings',
    'open-spf.org',
    'aligned with either the authenticated spf or dkim',
    'fails to pass authentication checks',
    'does not have authentication information',
    "doesn't meet the required authentication level",
    "doesn't meet the authentication requirements",
    'failed authentication checks',
    'message failed authentication',
    'authentication checks',
    'sender authentication',
    'email authentication',
    'domain authentication',
    'unauthenticated email',
    'senders to authenticate',
    'requires all senders to authenticate',
    'openspf',
    'spf.pobox.com',
  ],
  patterns: [
    // SPF, DKIM or DMARC named together with a failure or a policy: the sender's authentication failed.
    /\b(?:spf|dkim|dmarc)\b[^;]{0,60}(?:\bfail|\bsoftfail|\bhardfail|\bpermerror|\btemperror|\breject|\binvalid|\bviolation|\bpolic(?:y|ies)\b|\bcheck|\bverification|\balignment|\baligned\b|\bunauthori[sz]ed|\bnot (?:pass|allowed|authori[sz]ed|permitted|designated|valid)|\bdid not pass|\bdoes not pass|\bdoesn't pass|-all\b)/,
    /(?:\bfail\w*|\breject\w*|\bviolat\w*|\binvalid|\bnot (?:pass|allowed|authori[sz]ed|permitted)\b|\bdid not pass|\bper)\b[^;]{0,60}\b(?:spf|dkim|dmarc)\b/,
  ],
  // A DKIM-Signature header that is duplicated or malformed is a format error (notcompliantrfc.ts).
  unless: [/\bduplicate header\b/, /\btemporar\w* error\b[^;]{0,40}\bspf\b/],
  // Google answers X.7.23 for a missing PTR record and X.7.29 for a missing TLS connection.
  yieldsTo: ['requireptr', 'failedstarttls'],
  providers: {
    google: {
      words: [
        'does not have authentication information',
        'the spf record of the sending domain',
        'senders to authenticate',
        'authenticate their email with',
        'aligned with either the authenticated spf or dkim',
        'to add a dmarc record to',
      ],
    },
    microsoft: { words: [/\b5\.7\.(?:509|515)\b/] },
    orange: { words: [/\b(?:ofr|lpn|ouk)(?:aaa|\d{3})?_(?:401|517)\b/, 'spf/dns de votre nom de domaine'] },
    cox: { words: [/aup#(?:cxsndr)\b/] },
    godaddy: { words: [/\bib(?:508)\b/] },
    tencent: { words: ['spf check failed', 'dmarc check failed'] },
    facebook: { words: [/\bspf-p[1-9]\b|\bdkim-p[1-9]\b/] },
  },
  sources: [
    'RFC 7372 (X.7.20-X.7.25), RFC 7208 (SPF), RFC 6376 (DKIM), RFC 7489 (DMARC), RFC 8617 (X.7.29)',
    'Sisimai 5 reason/why-authfailure.go and rhost modules (BSD-2-Clause), the wordings only',
    'Google Workspace 5.7.23-5.7.27, 5.7.30, 5.7.32; Yahoo "requires all senders to authenticate with either SPF or DKIM"',
    'Microsoft 365 NDR 5.7.23, 5.7.509, 5.7.515; Apple iCloud DMARC refusal; Mimecast SPF/DKIM/DMARC "sender invalid"',
    'policyd-spf ("SPF fail - not authorized", openspf.net); OpenDMARC; Exim SPF ACL texts',
  ],
};
