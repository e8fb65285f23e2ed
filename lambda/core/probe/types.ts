// The SMTP probe's vocabulary: what the connection adapter observed, and the result the core makes of it.
import type { ProbeTarget } from '../../contracts/probe.ts';
import type { Advice } from '../diagnosis/reasons.ts';

// What to probe and how is the settings' vocabulary (contracts/probe.ts); the rest of the probe reads it here.
export {
  AUTH_METHODS,
  type AuthMethod,
  type ProbeEnvelope,
  type ProbeTarget,
  type ProbeThresholds,
  SECURITIES,
  type Security,
} from '../../contracts/probe.ts';

/**
 * The steps of one session, in order. `tls` is the implicit-TLS handshake, `starttls` its upgrade;
 * `mail`, `rcpt` and `rset` run only with the sender check.
 */
export const PHASES = [
  'dns',
  'connect',
  'tls',
  'greeting',
  'ehlo',
  'starttls',
  'auth',
  'mail',
  'rcpt',
  'rset',
  'quit',
] as const;
export type Phase = (typeof PHASES)[number];

/** The phases where a server that stops answering is a `reply-timeout` (before them: connect-timeout). */
export const REPLY_PHASES = ['tls', 'ehlo', 'starttls', 'auth', 'mail', 'rcpt', 'rset', 'quit'] as const;
export type ReplyPhase = (typeof REPLY_PHASES)[number];

export const OUTCOMES = [
  'ok',
  'auth-failed',
  'auth-unavailable',
  'dns-failed',
  'connection-refused',
  'connect-timeout',
  'reply-timeout',
  'greeting-rejected',
  'starttls-unavailable',
  'tls-failed',
  'certificate-expiring',
  'slow',
  'sender-refused',
  'recipient-refused',
  'relay-unavailable',
  'protocol-error',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Which kind of an outcome it was, where the remedy differs (an outcome without variants has none). */
export const OUTCOME_VARIANTS = {
  'auth-failed': [
    'bad-credentials',
    'basic-auth-blocked',
    'smtp-auth-disabled',
    'app-password-required',
    'auth-required',
    'temporary',
    'other',
  ],
  'auth-unavailable': ['not-advertised', 'no-common-mechanism', 'needs-tls'],
  'dns-failed': ['not-found', 'temporary'],
  'connect-timeout': ['tcp', 'port-25', 'no-greeting'],
  'reply-timeout': REPLY_PHASES,
  'greeting-rejected': ['temporary', 'permanent'],
  'tls-failed': ['expired', 'not-yet-valid', 'untrusted', 'wrong-host', 'handshake'],
  /** The user may not send as this address; the sender's domain is refused; another refusal. */
  'sender-refused': ['not-owned', 'domain-refused', 'other'],
  'recipient-refused': ['relay-denied', 'other'],
  /** A banner of another service; the connection dropped without a reply; a reply out of place. */
  'protocol-error': ['not-smtp', 'closed', 'unexpected-reply', 'other'],
} as const satisfies Partial<Record<Outcome, readonly string[]>>;
type VariantTable = typeof OUTCOME_VARIANTS;
export type OutcomeVariant<O extends Outcome> = O extends keyof VariantTable
  ? VariantTable[O][number]
  : never;
export type AnyVariant = { [O in keyof VariantTable]: VariantTable[O][number] }[keyof VariantTable];

export const SEVERITIES = ['ok', 'warning', 'failure', 'transient'] as const;
/** `transient`: a 4xx reply or a time-out, likely to pass; alerts only when it lasts. */
export type Severity = (typeof SEVERITIES)[number];

/** What the classifier decides of a session. */
export interface Verdict {
  outcome: Outcome;
  variant?: AnyVariant;
  severity: Severity;
}

/** An outcome and its kind, before the severity is weighed. */
export type Found = Omit<Verdict, 'severity'>;

export const CONFIG_WARNINGS = ['port-25', 'no-tls'] as const;
export type ConfigWarning = (typeof CONFIG_WARNINGS)[number];

/** The certificate the server showed, as the TLS layer read it (dates as ISO strings). */
export interface CertificateFacts {
  subject: string;
  issuer: string;
  subjectAltNames: string[];
  validFrom: string;
  validTo: string;
  fingerprint256: string;
}

export interface TlsFacts {
  protocol: string;
  cipher: string;
  /** The chain and the host name checked out. */
  authorized: boolean;
  /** OpenSSL's or Node's code when not authorized, e.g. CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID. */
  authorizationError?: string;
  certificate?: CertificateFacts;
}

/** How a session broke off: the raw error vocabulary of nodemailer and node:net, nothing decided. */
export interface ProbeFailure {
  phase: Phase;
  /** e.g. EAUTH, ETLS, EPROTOCOL, EENVELOPE, ESOCKET, ENOTFOUND, ECONNREFUSED, ETIMEDOUT. */
  code: string;
  /** The underlying code nodemailer wrapped, e.g. ECONNREFUSED, DEPTH_ZERO_SELF_SIGNED_CERT. */
  originalCode?: string;
  message: string;
  /** The SMTP reply (or the first line of another service's banner) that ended the session, if any. */
  response?: string;
  command?: string;
}

/** What the adapter saw in one session: facts and timings, no verdict. */
export interface ProbeObservation {
  target: ProbeTarget;
  /** The budget each step had (see ProbeOptions.timeoutMs). */
  timeoutMs: number;
  addresses: string[];
  /** Milliseconds spent in each phase that started. */
  timings: Partial<Record<Phase, number>>;
  greeting?: string;
  /** The last EHLO reply (after STARTTLS when there was one), as the server sent it. */
  ehlo?: string;
  tls?: TlsFacts;
  /** Credentials were sent (the adapter withholds them when no usable mechanism is offered). */
  authAttempted: boolean;
  authenticated: boolean;
  /** The server accepted both MAIL FROM and RCPT TO of the sender check. */
  envelopeAccepted: boolean;
  failure?: ProbeFailure;
}

export interface ProbeCertificate extends CertificateFacts {
  /** Whole days from the probe to `validTo`; negative once expired. */
  daysLeft: number;
}

/** The probe's answer, the same from the Lambda and the CLI. */
export interface ProbeResult extends ProbeTarget {
  checkedAt: string;
  outcome: Outcome;
  variant?: AnyVariant;
  severity: Severity;
  /** The SMTP reply that decided the outcome: code, enhanced code, words. */
  replyCode?: number;
  enhancedCode?: string;
  replyText?: string;
  failedCommand?: string;
  failedPhase?: Phase;
  /** The raw error code (nodemailer's or the socket's), for whoever digs further. */
  errorCode?: string;
  timings: Partial<Record<Phase, number>>;
  /** What a sender waits for before it can hand over a message: every phase but RSET and QUIT. */
  totalMs: number;
  /** The budget each step had. */
  timeoutMs: number;
  addresses: string[];
  authMechanisms: string[];
  tls?: Omit<TlsFacts, 'certificate'>;
  certificate?: ProbeCertificate;
  configWarnings: ConfigWarning[];
  diagnosis: Advice;
}

/** An outcome that comes in one kind only. */
export type PlainOutcome = Exclude<Outcome, keyof VariantTable>;
/** `outcome:variant` for outcomes that come in several kinds, e.g. `auth-failed:bad-credentials`. */
export type VariantKey = { [O in keyof VariantTable]: `${O}:${VariantTable[O][number]}` }[keyof VariantTable];
/** What the catalogue is keyed by: every plain outcome and every variant has its own advice. */
export type ProbeAdviceKey = PlainOutcome | VariantKey;
