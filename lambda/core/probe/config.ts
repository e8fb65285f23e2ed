// The probe Lambda's configuration, read from an environment map the handler passes in, and the
// validators the CLI shares. Pure: the handler reads the environment and passes it here.
import { ProbeConfigError } from './errors.ts';
import { DEFAULT_THRESHOLDS } from './interpret.ts';
import {
  AUTH_METHODS,
  type AuthMethod,
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
export const DEFAULT_TRANSIENT_ALERT_AFTER = 3;

type Env = Readonly<Record<string, string | undefined>>;

export function probeConfigFromEnv(env: Env): ProbeLambdaConfig {
  const target: ProbeTarget = {
    host: required(env, 'SMTP_HOST'),
    port: parsePort('SMTP_PORT', env.SMTP_PORT ?? '587'),
    security: parseSecurity('SMTP_SECURITY', env.SMTP_SECURITY ?? 'starttls'),
    user: required(env, 'SMTP_USER'),
    authMethod: parseAuthMethod('SMTP_AUTH_METHOD', env.SMTP_AUTH_METHOD ?? 'plain'),
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
    timeoutMs: parsePositive('PROBE_TIMEOUT_MS', env.PROBE_TIMEOUT_MS, DEFAULT_TIMEOUT_MS),
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
    ...(ca ? { ca: [ca] } : {}),
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
  if ((SECURITIES as readonly string[]).includes(value)) return value as Security;
  throw new ProbeConfigError(setting, `must be one of ${SECURITIES.join(', ')}, not "${value}"`);
}

export function parseAuthMethod(setting: string, value: string): AuthMethod {
  const method = value.toLowerCase();
  if ((AUTH_METHODS as readonly string[]).includes(method)) return method as AuthMethod;
  throw new ProbeConfigError(setting, `must be one of ${AUTH_METHODS.join(', ')}, not "${value}"`);
}

export function parsePositive(setting: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0)
    throw new ProbeConfigError(setting, `not a positive number: "${value}"`);
  return number;
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
