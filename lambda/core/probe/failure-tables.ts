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
  replyCode?: number;
  enhancedCode?: string;
  words?: RegExp;
}

/** AUTH refusals, most specific first; a 4xx is `temporary` before any of these is tried. */
export const AUTH_REPLY_RULES: readonly AuthReplyRule[] = [
  { variant: 'smtp-auth-disabled', enhancedCode: '5.7.139' },
  { variant: 'smtp-auth-disabled', words: /SmtpClientAuthentication is disabled/i },
  { variant: 'app-password-required', enhancedCode: '5.7.9' },
  { variant: 'app-password-required', words: /application-specific password|app password/i },
  { variant: 'basic-auth-blocked', replyCode: 535, enhancedCode: '5.7.3' },
  { variant: 'bad-credentials', enhancedCode: '5.7.8' },
  { variant: 'auth-required', replyCode: 530 },
  { variant: 'bad-credentials', replyCode: 535 },
];

interface SenderReplyRule {
  variant: OutcomeVariant<'sender-refused'>;
  enhancedCode?: RegExp;
  words?: RegExp;
}

/**
 * Refusals of the sender, most specific first. At MAIL FROM any refusal is about the sender; at RCPT TO
 * (where Postfix applies its sender restrictions by default, smtpd_delay_reject) only these rules say so.
 * Sources: Postfix reject_sender_login_mismatch ("Sender address rejected: not owned by user") and
 * reject_unknown_sender_domain ("Sender address rejected: Domain not found", 4.1.8/5.1.8); Exchange
 * Online 5.7.60 SendAsDenied ("Client does not have permissions to send as this sender"); Gmail and
 * others' "not authorized to send as"; RFC 3463 X.1.7 (bad sender mailbox syntax), X.1.8 (bad sender
 * system address).
 */
export const SENDER_REPLY_RULES: readonly SenderReplyRule[] = [
  { variant: 'not-owned', enhancedCode: /^5\.7\.60$/ },
  {
    variant: 'not-owned',
    words:
      /not owned by (?:the )?(?:auth(?:enticated)? )?(?:user|you)|SendAsDenied|permissions? to send as|not (?:authori[sz]ed|allowed|permitted) to send (?:mail )?(?:as|from|on behalf)|sender (?:address|login) mismatch|does not (?:match|belong to) (?:the |your )?(?:authenticated|logged[- ]in|login) (?:user|account|identity)/i,
  },
  { variant: 'domain-refused', enhancedCode: /^[45]\.1\.8$/ },
  {
    variant: 'domain-refused',
    words:
      /sender address rejected: (?:domain not found|unknown domain)|domain of sender address|unknown sender domain|sender domain (?:must exist|is not allowed|not allowed|refused|rejected|blocked|not found|unknown)/i,
  },
  { variant: 'other', enhancedCode: /^[45]\.1\.7$/ },
  {
    variant: 'other',
    words: /sender address rejected|sender (?:is )?(?:rejected|refused|not allowed|blocked)/i,
  },
];

/** RCPT TO refused because this server will not pass mail on for this user (an open-relay guard). */
export const RELAY_DENIED =
  /relay(?:ing)? (?:access )?(?:is )?(?:denied|not permitted|not allowed|prohibited)|not permitted to relay|unable to relay|we do not relay|TenantAttribution/i;
