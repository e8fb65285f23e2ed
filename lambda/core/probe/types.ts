// The SMTP probe's vocabulary: what the connection adapter observed, and the result the core makes of it.
import type { Advice } from '../diagnosis/reasons.ts';

export const SECURITIES = ['tls', 'starttls', 'none'] as const;
/** `tls`: TLS from the first byte (port 465); `starttls`: plain, then STARTTLS (587); `none`: never TLS. */
export type Security = (typeof SECURITIES)[number];

export const AUTH_METHODS = ['plain', 'login'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

/** The steps of one session, in order. `tls` is the implicit-TLS handshake, `starttls` its upgrade. */
export const PHASES = ['dns', 'connect', 'tls', 'greeting', 'ehlo', 'starttls', 'auth', 'quit'] as const;
export type Phase = (typeof PHASES)[number];

export const OUTCOMES = [
  'ok',
  'auth-failed',
  'auth-unavailable',
  'dns-failed',
  'connection-refused',
  'connect-timeout',
  'greeting-rejected',
  'starttls-unavailable',
  'tls-failed',
  'certificate-expiring',
  'slow',
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
  'auth-unavailable': ['not-advertised', 'no-common-mechanism'],
  'dns-failed': ['not-found', 'temporary'],
  'connect-timeout': ['tcp', 'port-25', 'no-greeting'],
  'greeting-rejected': ['temporary', 'permanent'],
  'tls-failed': ['expired', 'not-yet-valid', 'untrusted', 'wrong-host', 'handshake'],
} as const satisfies Partial<Record<Outcome, readonly string[]>>;
type VariantTable = typeof OUTCOME_VARIANTS;
export type OutcomeVariant<O extends Outcome> = O extends keyof VariantTable
  ? VariantTable[O][number]
  : never;
export type AnyVariant = { [O in keyof VariantTable]: VariantTable[O][number] }[keyof VariantTable];

export const SEVERITIES = ['ok', 'warning', 'failure', 'transient'] as const;
/** `transient`: a 4xx reply or a time-out, likely to pass; alerts only when it lasts. */
export type Severity = (typeof SEVERITIES)[number];

export const CONFIG_WARNINGS = ['port-25', 'no-tls'] as const;
export type ConfigWarning = (typeof CONFIG_WARNINGS)[number];

/** What to probe and how. The password travels separately and never into a result. */
export interface ProbeTarget {
  host: string;
  port: number;
  security: Security;
  user: string;
  authMethod: AuthMethod;
}

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
  /** e.g. EAUTH, ETLS, EPROTOCOL, ESOCKET, ENOTFOUND, ECONNREFUSED, ETIMEDOUT. */
  code: string;
  /** The underlying code nodemailer wrapped, e.g. ECONNREFUSED, DEPTH_ZERO_SELF_SIGNED_CERT. */
  originalCode?: string;
  message: string;
  /** The SMTP reply that ended the session, when a reply did. */
  response?: string;
  command?: string;
}

/** What the adapter saw in one session: facts and timings, no verdict. */
export interface ProbeObservation {
  target: ProbeTarget;
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
  failure?: ProbeFailure;
}

export interface ProbeThresholds {
  /** Whole-session latency (DNS to AUTH) above which a working server is reported `slow`. */
  slowMs: number;
  /** Days before certificate expiry from which a working server is reported `certificate-expiring`. */
  certificateWarnDays: number;
}

export interface ProbeCertificate extends CertificateFacts {
  /** Whole days from the probe to `validTo`; negative once expired. */
  daysLeft: number;
}

/** The probe's answer, the same from the Lambda and the CLI. */
export interface ProbeResult {
  host: string;
  port: number;
  security: Security;
  user: string;
  authMethod: AuthMethod;
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
  totalMs: number;
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
