// failedstarttls: delivery failed because TLS (STARTTLS) could not be used or was required.
import type { ReasonRule } from '../rule.ts';

export const failedstarttlsRule: ReasonRule<'failedstarttls'> = {
  reason: 'failedstarttls',
  category: 'sender-authentication',
  hardBounce: 'never',
  derivedDetail: '976',
  // X.7.10 encryption needed (RFC 5248), X.7.11 encryption required for the mechanism, X.7.30
  // REQUIRETLS support required (RFC 8689).
  statuses: ['7.10', '7.11', '7.30'],
  // 523 encryption needed, 538 encryption required for the requested authentication mechanism.
  replyCodes: ['523', '538'],
  phrases: [
    'starttls',
    'tls required',
    'tls is required',
    'requires tls',
    'require tls',
    'requires encryption',
    'encryption required',
    'encryption is required',
    'tls negotiation failed',
    'tls handshake',
    'tls connection',
    'tls not available',
    'tls currently not available',
    'connection required',
    'dnssec-invalid',
    'tls/ssl for smtp',
    'tls version 1.2 or greater',
    'high-strength ciphers',
    'secure connection required',
    'ssl required',
    'ssl handshake',
    'mta-sts',
    'tlsa-invalid',
    'certificate-expired',
    'certificate-host-mismatch',
  ],
  patterns: [/\bdane\b/],
  providers: {
    google: {
      words: [
        'must issue a starttls command first',
        'starttls may not be repeated',
        'tls required for rcpt domain',
        'use tls/ssl for smtp',
      ],
    },
    mimecast: {
      words: ['this route requires encryption', 'this route requires tls', 'high-strength ciphers'],
    },
  },
  sources: [
    'RFC 3207 (STARTTLS), RFC 5248 (X.7.10), RFC 8689 (X.7.30), RFC 8461 (MTA-STS), RFC 7672 (DANE)',
    'Sisimai 5 reason/why-failedstarttls.go (BSD-2-Clause)',
    'Google Workspace 530 5.7.0 "Must issue a STARTTLS command first", 421 4.7.0 "TLS required for RCPT domain"',
    'Microsoft 365 NDR 4.7.5/5.7.5, 5.4.317, 5.7.321-325; Mimecast "this route requires encryption (TLS)"',
  ],
};
