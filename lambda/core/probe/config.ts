// The probe Lambda's configuration, read from an environment map the handler passes in, and the
// validators the CLI shares. Pure: the handler reads the environment and passes it here.
import { caCertificates } from './ca-certificates.ts';
import { ProbeConfigError } from './errors.ts';
import { DEFAULT_THRESHOLDS } from './interpret.ts';
import { printable } from './printable.ts';
import {
  AUTH_METHODS,
  type AuthMethod,
  type ProbeEnvelope,
  type ProbeTarget,
  type ProbeThresholds,
  SECURITIES,
  type Security,
} from './types.ts';

export interface ProbeLambdaConfig {
  target: ProbeTarget;
  passwordSecretId: string;
  timeoutMs: number;
  thresholds: ProbeThresholds;
  transientAlertAfter: number;
  /** Extra trusted certificate authorities (PEM). */
  ca?: string[];
  alerts: { topicArn?: string; sesFrom?: string; sesTo: string[] };
  state: { bucket: string; key: string };
}

export const DEFAULT_TIMEOUT_MS = 10_000;
/**
 * The longest time-out: ten minutes per step is already more than any client waits. (Node turns a timer
 * above 2^31-1 ms, about 24.8 days, into 1 ms, which would report every server as unreachable.)
 */
export const MAX_TIMEOUT_MS = 600_000;
export const DEFAULT_TRANSIENT_ALERT_AFTER = 3;

type Env = Readonly<Record<string, string | undefined>>;

export function probeConfigFromEnv(env: Env): ProbeLambdaConfig {
  const envelope = parseEnvelope(
    { name: 'PROBE_MAIL_FROM', value: optional(env, 'PROBE_MAIL_FROM') },
    { name: 'PROBE_RCPT_TO', value: optional(env, 'PROBE_RCPT_TO') },
  );
  const target: ProbeTarget = {
    host: required(env, 'SMTP_HOST'),
    port: parsePort('SMTP_PORT', env.SMTP_PORT ?? '587'),
    security: parseSecurity('SMTP_SECURITY', env.SMTP_SECURITY ?? 'starttls'),
    user: parseUser('SMTP_USER', required(env, 'SMTP_USER')),
    authMethod: parseAuthMethod('SMTP_AUTH_METHOD', env.SMTP_AUTH_METHOD ?? 'plain'),
    ...(envelope ? { envelope } : {}),
  };
  const sesTo = (env.ALERT_SES_TO ?? '')
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address !== '');
  const topicArn = optional(env, 'ALERT_TOPIC_ARN');
  const sesFrom = optional(env, 'ALERT_SES_FROM');
  if (!topicArn && !(sesFrom && sesTo.length > 0)) {
    throw new ProbeConfigError('ALERT_TOPIC_ARN', 'set a topic, or ALERT_SES_FROM and ALERT_SES_TO, or both');
  }
  if (sesTo.length > 0 && !sesFrom) throw new ProbeConfigError('ALERT_SES_FROM', 'needed with ALERT_SES_TO');
  const ca = optional(env, 'PROBE_CA_PEM');
  return {
    target,
    passwordSecretId: required(env, 'SMTP_PASSWORD_SECRET_ID'),
    timeoutMs: parsePositive('PROBE_TIMEOUT_MS', env.PROBE_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS),
    thresholds: {
      slowMs: parsePositive('PROBE_SLOW_MS', env.PROBE_SLOW_MS, DEFAULT_THRESHOLDS.slowMs),
      certificateWarnDays: parsePositive(
        'PROBE_CERT_WARN_DAYS',
        env.PROBE_CERT_WARN_DAYS,
        DEFAULT_THRESHOLDS.certificateWarnDays,
      ),
    },
    transientAlertAfter: parsePositive(
      'PROBE_TRANSIENT_ALERT_AFTER',
      env.PROBE_TRANSIENT_ALERT_AFTER,
      DEFAULT_TRANSIENT_ALERT_AFTER,
    ),
    ...(ca ? { ca: caCertificates(ca, 'PROBE_CA_PEM') } : {}),
    alerts: { ...(topicArn ? { topicArn } : {}), ...(sesFrom ? { sesFrom } : {}), sesTo },
    state: {
      bucket: required(env, 'PROBE_STATE_BUCKET'),
      key: env.PROBE_STATE_KEY || `probe-state/${target.host}-${target.port}.json`,
    },
  };
}

export function parsePort(setting: string, value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65_535) {
    throw new ProbeConfigError(setting, `not a port number: "${value}"`);
  }
  return port;
}

export function parseSecurity(setting: string, value: string): Security {
  const security = value.toLowerCase();
  if ((SECURITIES as readonly string[]).includes(security)) return security as Security;
  throw new ProbeConfigError(setting, `must be one of ${SECURITIES.join(', ')}, not "${value}"`);
}

export function parseAuthMethod(setting: string, value: string): AuthMethod {
  const method = value.toLowerCase();
  if ((AUTH_METHODS as readonly string[]).includes(method)) return method as AuthMethod;
  throw new ProbeConfigError(setting, `must be one of ${AUTH_METHODS.join(', ')}, not "${value}"`);
}

export function parsePositive(
  setting: string,
  value: string | undefined,
  fallback: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0)
    throw new ProbeConfigError(setting, `not a positive number: "${printable(value)}"`);
  if (number > max) throw new ProbeConfigError(setting, `${printable(value)} is too large: at most ${max}`);
  return number;
}

/** A login name: anything printable (a control character is a mistake, and would reach a terminal). */
export function parseUser(setting: string, value: string): string {
  if (printable(value, Number.POSITIVE_INFINITY) !== value) {
    throw new ProbeConfigError(setting, 'contains control characters (a line break, an escape code)');
  }
  return value;
}

/** An address for MAIL FROM / RCPT TO: a plain ASCII mailbox, nothing that could break the command. */
export const MAILBOX =
  /^(?=.{3,254}$)[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export function parseAddress(setting: string, value: string): string {
  if (!MAILBOX.test(value)) {
    throw new ProbeConfigError(setting, 'not a mail address (local@domain, ASCII, no spaces or brackets)');
  }
  return value;
}

/** The sender check: off without a sender; RCPT TO the sender itself unless a recipient is given. */
export function parseEnvelope(
  from: { name: string; value: string | undefined },
  to: { name: string; value: string | undefined },
): ProbeEnvelope | undefined {
  if (from.value === undefined) {
    if (to.value !== undefined)
      throw new ProbeConfigError(to.name, `needs ${from.name}: the sender to check`);
    return undefined;
  }
  const sender = parseAddress(from.name, from.value);
  return { from: sender, to: to.value === undefined ? sender : parseAddress(to.name, to.value) };
}

function required(env: Env, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ProbeConfigError(name, 'is required');
  return value;
}

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}
