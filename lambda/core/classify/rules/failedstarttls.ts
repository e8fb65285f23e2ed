// failedstarttls: delivery failed because TLS (STARTTLS) could not be used.
import type { ReasonRule } from '../rule.ts';

export const failedstarttlsRule: ReasonRule = {
  reason: 'failedstarttls',
  phrases: [
    'starttls',
    'tls required',
    'requires tls',
    'require tls',
    'tls is required',
    'must issue a starttls command',
    'encryption required',
    'encryption is required',
    'tls negotiation failed',
    'tls handshake',
    'tls connection',
    'secure connection required',
    'tls not available',
    'ssl required',
    'ssl handshake',
  ],
};
