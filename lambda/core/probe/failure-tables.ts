// Protocol knowledge as data: which error codes and replies mean which probe outcome.
import type { OutcomeVariant } from './types.ts';

/** Resolver codes: the name does not exist, versus the resolver could not answer now. */
export const DNS_NOT_FOUND = new Set(['ENOTFOUND', 'ENODATA', 'EAI_NONAME', 'NXDOMAIN', 'ENOENT']);

/** Socket codes while opening the TCP connection. */
export const CONNECT_REFUSED = new Set(['ECONNREFUSED', 'ECONNRESET']);
export const CONNECT_UNREACHABLE = new Set(['ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN']);

/** OpenSSL's and Node's certificate verdicts (TLSSocket.authorizationError, nodemailer's originalCode). */
export const CERTIFICATE_ERRORS: Readonly<Record<string, OutcomeVariant<'tls-failed'>>> = {
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'not-yet-valid',
  ERR_TLS_CERT_ALTNAME_INVALID: 'wrong-host',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'untrusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'untrusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'untrusted',
  CERT_UNTRUSTED: 'untrusted',
  CERT_SIGNATURE_FAILURE: 'untrusted',
  CERT_REVOKED: 'untrusted',
  INVALID_CA: 'untrusted',
};

interface AuthReplyRule {
  variant: OutcomeVariant<'auth-failed'>;
  code?: number;
  enhancedCode?: string;
  words?: RegExp;
}

/** AUTH refusals, most specific first; a 4xx is `temporary` before any of these is tried. */
export const AUTH_REPLY_RULES: readonly AuthReplyRule[] = [
  { variant: 'smtp-auth-disabled', enhancedCode: '5.7.139' },
  { variant: 'smtp-auth-disabled', words: /SmtpClientAuthentication is disabled/i },
  { variant: 'app-password-required', enhancedCode: '5.7.9' },
  { variant: 'app-password-required', words: /application-specific password|app password/i },
  { variant: 'basic-auth-blocked', code: 535, enhancedCode: '5.7.3' },
  { variant: 'bad-credentials', enhancedCode: '5.7.8' },
  { variant: 'auth-required', code: 530 },
  { variant: 'bad-credentials', code: 535 },
];
