// The SMTP probe's settings: what to probe and how (one shape for cdk.json's `probe`, the construct and
// the Lambda), its environment variables with their defaults and docs, the reader the Lambda checks them
// with, the writer the stack sets them with, and the rules the CLI's options share.
import { caCertificates } from './ca-certificates.ts';
import { code, codeList, REQUIRED, type SettingDoc } from './documented.ts';
import { ConfigError, type ConfigErrorOptions } from './errors.ts';
import { type PowertoolsVariable, powertoolsVariables, SERVICE_NAMES } from './powertools.ts';
import { commaList, HOST, MAILBOX, oneOf, optional, positiveNumber, quoted, required } from './values.ts';

export const SECURITIES = ['tls', 'starttls', 'none'] as const;
/** `tls`: TLS from the first byte (port 465); `starttls`: plain, then STARTTLS (587); `none`: never TLS. */
export type Security = (typeof SECURITIES)[number];

export const AUTH_METHODS = ['plain', 'login'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

/** The sender check: after AUTH, `MAIL FROM:<from>` and `RCPT TO:<to>`, then RSET — never DATA. */
export interface ProbeEnvelope {
  from: string;
  to: string;
}

/** What to probe and how. The password travels separately and never into a result. */
export interface ProbeTarget {
  host: string;
  port: number;
  security: Security;
  user: string;
  authMethod: AuthMethod;
  /** Absent: the probe stops after AUTH. */
  envelope?: ProbeEnvelope;
}

export interface ProbeThresholds {
  /** Session latency (DNS to AUTH, or to RCPT TO with the sender check) above which a working server is `slow`. */
  slowMs: number;
  /** Days before certificate expiry from which a working server is reported `certificate-expiring`. */
  certificateWarnDays: number;
}

export const PROBE_DEFAULTS = {
  port: 587,
  security: 'starttls' as Security,
  authMethod: 'plain' as AuthMethod,
  timeoutMs: 10_000,
  thresholds: { slowMs: 10_000, certificateWarnDays: 14 } as ProbeThresholds,
  transientAlertAfter: 3,
} as const;

/**
 * The longest time-out: ten minutes per step is already more than any client waits. (Node turns a timer
 * above 2^31-1 ms, about 24.8 days, into 1 ms, which would report every server as unreachable.)
 */
export const MAX_TIMEOUT_MS = 600_000;

/** What a deployment chooses for the probe: cdk.json's reading of it, the construct's props. */
export interface ProbeSettings {
  readonly target: ProbeTarget;
  readonly passwordSecretId: string;
  readonly timeoutMs: number;
  readonly thresholds: ProbeThresholds;
  readonly transientAlertAfter: number;
}

/** The probe Lambda's configuration: the settings, where alerts go and where the state is kept. */
export interface ProbeConfig extends ProbeSettings {
  /** Extra trusted certificate authorities (PEM). */
  readonly ca?: string[];
  readonly alerts: { readonly topicArn?: string; readonly sesFrom?: string; readonly sesTo: string[] };
  readonly state: { readonly bucket: string; readonly key: string };
}

export const PROBE_VARIABLES = {
  SMTP_HOST: { default: REQUIRED, meaning: 'the sending server' },
  SMTP_PORT: { default: code(PROBE_DEFAULTS.port), meaning: '' },
  SMTP_SECURITY: { default: code(PROBE_DEFAULTS.security), meaning: codeList(SECURITIES) },
  SMTP_USER: { default: REQUIRED, meaning: 'login name (no control characters)' },
  SMTP_AUTH_METHOD: { default: code(PROBE_DEFAULTS.authMethod), meaning: codeList(AUTH_METHODS) },
  SMTP_PASSWORD_SECRET_ID: {
    default: REQUIRED,
    meaning:
      'Secrets Manager secret: the password, or JSON `{"password": "…"}`; kept 5 minutes, then read again',
  },
  PROBE_MAIL_FROM: {
    default: 'none (no sender check)',
    meaning: "the [sender check](#the-sender-check)'s MAIL FROM address",
  },
  PROBE_RCPT_TO: {
    default: code('PROBE_MAIL_FROM'),
    meaning: 'its RCPT TO address (needs `PROBE_MAIL_FROM`)',
  },
  PROBE_TIMEOUT_MS: {
    default: code(PROBE_DEFAULTS.timeoutMs),
    meaning: `budget for DNS, for the connect, and for each step of the session; at most ${MAX_TIMEOUT_MS}`,
  },
  PROBE_SLOW_MS: { default: code(PROBE_DEFAULTS.thresholds.slowMs), meaning: '`slow` above this' },
  PROBE_CERT_WARN_DAYS: {
    default: code(PROBE_DEFAULTS.thresholds.certificateWarnDays),
    meaning: '`certificate-expiring` from this many days left',
  },
  PROBE_TRANSIENT_ALERT_AFTER: {
    default: code(PROBE_DEFAULTS.transientAlertAfter),
    meaning: 'runs in a row a transient failure (or slowness) must last before it alerts',
  },
  PROBE_CA_PEM: {
    default: '',
    meaning:
      'extra trusted CA certificates (PEM), replacing the system list; a value without a certificate is refused',
  },
  ALERT_TOPIC_ARN: { default: '', meaning: 'SNS topic for alerts' },
  ALERT_SES_FROM: {
    default: '',
    meaning: 'SES sender of the ja + en alert mail; a topic, a mail, or both is required',
  },
  ALERT_SES_TO: { default: '', meaning: 'comma-separated ops addresses the alert mail goes to' },
  PROBE_STATE_BUCKET: { default: REQUIRED, meaning: 'where the alert state is kept (S3)' },
  PROBE_STATE_KEY: { default: code('probe-state/<host>-<port>.json'), meaning: 'its key in that bucket' },
  ...powertoolsVariables(SERVICE_NAMES.probe),
} as const satisfies Readonly<Record<string, SettingDoc>>;

export type ProbeVariable = Exclude<keyof typeof PROBE_VARIABLES, PowertoolsVariable>;
export type ProbeEnv = Readonly<Partial<Record<ProbeVariable, string | undefined>>>;

export function probeConfigFromEnv(env: ProbeEnv): ProbeConfig {
  const envelope = parseEnvelope(
    { name: 'PROBE_MAIL_FROM', value: optional(env, 'PROBE_MAIL_FROM') },
    { name: 'PROBE_RCPT_TO', value: optional(env, 'PROBE_RCPT_TO') },
  );
  const target: ProbeTarget = {
    host: parseHost('SMTP_HOST', required(env, 'SMTP_HOST')),
    port: parsePort('SMTP_PORT', optional(env, 'SMTP_PORT') ?? String(PROBE_DEFAULTS.port)),
    security: oneOf('SMTP_SECURITY', env.SMTP_SECURITY, SECURITIES, PROBE_DEFAULTS.security, {
      anyCase: true,
    }),
    user: parseUser('SMTP_USER', required(env, 'SMTP_USER')),
    authMethod: oneOf('SMTP_AUTH_METHOD', env.SMTP_AUTH_METHOD, AUTH_METHODS, PROBE_DEFAULTS.authMethod, {
      anyCase: true,
    }),
    ...(envelope ? { envelope } : {}),
  };
  const sesTo = commaList(env.ALERT_SES_TO);
  const topicArn = optional(env, 'ALERT_TOPIC_ARN');
  const sesFrom = optional(env, 'ALERT_SES_FROM');
  if (!topicArn && !(sesFrom && sesTo.length > 0)) {
    throw new ConfigError('ALERT_TOPIC_ARN', 'set a topic, or ALERT_SES_FROM and ALERT_SES_TO, or both');
  }
  if (sesTo.length > 0 && !sesFrom) throw new ConfigError('ALERT_SES_FROM', 'needed with ALERT_SES_TO');
  const ca = optional(env, 'PROBE_CA_PEM');
  return {
    target,
    passwordSecretId: required(env, 'SMTP_PASSWORD_SECRET_ID'),
    timeoutMs: positiveNumber('PROBE_TIMEOUT_MS', env.PROBE_TIMEOUT_MS, PROBE_DEFAULTS.timeoutMs, {
      max: MAX_TIMEOUT_MS,
    }),
    thresholds: {
      slowMs: positiveNumber('PROBE_SLOW_MS', env.PROBE_SLOW_MS, PROBE_DEFAULTS.thresholds.slowMs),
      certificateWarnDays: positiveNumber(
        'PROBE_CERT_WARN_DAYS',
        env.PROBE_CERT_WARN_DAYS,
        PROBE_DEFAULTS.thresholds.certificateWarnDays,
      ),
    },
    transientAlertAfter: positiveNumber(
      'PROBE_TRANSIENT_ALERT_AFTER',
      env.PROBE_TRANSIENT_ALERT_AFTER,
      PROBE_DEFAULTS.transientAlertAfter,
    ),
    ...(ca ? { ca: caCertificates(ca, 'PROBE_CA_PEM') } : {}),
    alerts: { ...(topicArn ? { topicArn } : {}), ...(sesFrom ? { sesFrom } : {}), sesTo },
    state: {
      bucket: required(env, 'PROBE_STATE_BUCKET'),
      key: optional(env, 'PROBE_STATE_KEY') ?? probeStateKey(target),
    },
  };
}

/** The environment probeConfigFromEnv reads back as `config` (the stack adds Powertools' two). */
export function probeEnvironment(config: ProbeConfig): Partial<Record<ProbeVariable, string>> {
  const { target, thresholds, alerts } = config;
  return {
    SMTP_HOST: target.host,
    SMTP_PORT: String(target.port),
    SMTP_SECURITY: target.security,
    SMTP_USER: target.user,
    SMTP_AUTH_METHOD: target.authMethod,
    SMTP_PASSWORD_SECRET_ID: config.passwordSecretId,
    PROBE_TIMEOUT_MS: String(config.timeoutMs),
    PROBE_SLOW_MS: String(thresholds.slowMs),
    PROBE_CERT_WARN_DAYS: String(thresholds.certificateWarnDays),
    PROBE_TRANSIENT_ALERT_AFTER: String(config.transientAlertAfter),
    ...(target.envelope ? { PROBE_MAIL_FROM: target.envelope.from, PROBE_RCPT_TO: target.envelope.to } : {}),
    ...(config.ca ? { PROBE_CA_PEM: config.ca.join('\n') } : {}),
    ...(alerts.topicArn ? { ALERT_TOPIC_ARN: alerts.topicArn } : {}),
    ...(alerts.sesFrom && alerts.sesTo.length > 0
      ? { ALERT_SES_FROM: alerts.sesFrom, ALERT_SES_TO: alerts.sesTo.join(',') }
      : {}),
    PROBE_STATE_BUCKET: config.state.bucket,
    PROBE_STATE_KEY: config.state.key,
  };
}

/** One state object per probed server. */
export function probeStateKey(target: Pick<ProbeTarget, 'host' | 'port'>): string {
  return `probe-state/${target.host}-${target.port}.json`;
}

export function parsePort(setting: string, value: string, options?: ConfigErrorOptions): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65_535) {
    throw new ConfigError(setting, `not a port number: ${quoted(value)}`, options);
  }
  return port;
}

export function parseHost(setting: string, value: string, options?: ConfigErrorOptions): string {
  if (!HOST.test(value)) throw new ConfigError(setting, `must be a host name, not ${quoted(value)}`, options);
  return value;
}

/** A login name: anything printable (a control character is a mistake, and would reach a terminal). */
export function parseUser(setting: string, value: string, options?: ConfigErrorOptions): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a control character is what is refused
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(value)) {
    throw new ConfigError(setting, 'contains control characters (a line break, an escape code)', options);
  }
  return value;
}

export function parseAddress(setting: string, value: string, options?: ConfigErrorOptions): string {
  if (!MAILBOX.test(value)) {
    throw new ConfigError(
      setting,
      'must be a mail address (local@domain, ASCII, no spaces or brackets)',
      options,
    );
  }
  return value;
}

/** The sender check: off without a sender; RCPT TO the sender itself unless a recipient is given. */
export function parseEnvelope(
  from: { name: string; value: string | undefined },
  to: { name: string; value: string | undefined },
  options?: ConfigErrorOptions,
): ProbeEnvelope | undefined {
  if (from.value === undefined) {
    if (to.value !== undefined) {
      throw new ConfigError(to.name, `needs ${from.name}: the sender address the check is about`, options);
    }
    return undefined;
  }
  const sender = parseAddress(from.name, from.value, options);
  return { from: sender, to: to.value === undefined ? sender : parseAddress(to.name, to.value, options) };
}
