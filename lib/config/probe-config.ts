// The SMTP probe's and the alerts' part of the configuration (see bounce-doctor-config.ts).
import { ADDRESS, ConfigError, type ContextReader } from './context-reader.ts';

/** The probe's connection securities and login methods (lambda/core/probe/types.ts). */
export const PROBE_SECURITIES = ['tls', 'starttls', 'none'] as const;
export const PROBE_AUTH_METHODS = ['plain', 'login'] as const;

export interface ProbeConfig {
  readonly host: string;
  readonly port: number;
  readonly security: (typeof PROBE_SECURITIES)[number];
  readonly user: string;
  readonly authMethod: (typeof PROBE_AUTH_METHODS)[number];
  readonly passwordSecretName: string;
  /** Minutes between runs (EventBridge rate). */
  readonly scheduleMinutes: number;
  readonly timeoutMs: number;
  readonly slowMs: number;
  readonly certWarnDays: number;
  readonly transientAlertAfter: number;
  /** The sender check: MAIL FROM this address (and RCPT TO `rcptTo`) after AUTH, never DATA. @default - off */
  readonly envelope?: { readonly from: string; readonly to: string };
}

export interface AlertsConfig {
  /** E-mail subscriptions of the alert topic (alarms and probe alerts). */
  readonly emails: readonly string[];
  /** SES sender of the probe's Japanese + English alert mail; with sesTo. */
  readonly sesFrom?: string;
  readonly sesTo: readonly string[];
}

/** The probe's own rule for MAIL FROM / RCPT TO (lambda/core/probe/config.ts MAILBOX; a test keeps them equal). */
export const PROBE_MAILBOX =
  /^(?=.{3,254}$)[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

const HOST =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

export function readProbe(context: ContextReader): ProbeConfig {
  const host = context.string('probe.host', 'the SMTP server the team sends through, e.g. smtp.example.com');
  if (!HOST.test(host)) throw new ConfigError('probe.host', `must be a host name, not "${host}"`);
  const port = context.integer('probe.port', 587, { min: 1, max: 65_535 });
  if (port === 25) {
    throw new ConfigError(
      'probe.port',
      'AWS Lambda cannot connect to port 25: use 587 (starttls) or 465 (tls)',
    );
  }
  const user = context.string('probe.user', 'the login name the team sends with');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a control character is what is refused
  if (/[\u0000-\u001f\u007f-\u009f]/.test(user)) {
    throw new ConfigError('probe.user', 'contains control characters (a line break, an escape code)');
  }
  const passwordSecretName = context.secretName(
    'probe.passwordSecretName',
    'the Secrets Manager secret with the SMTP password',
  );
  const timeoutMs = context.integer('probe.timeoutMs', 10_000, { min: 1000, max: 60_000 });
  return {
    host,
    port,
    security: context.oneOf('probe.security', PROBE_SECURITIES, port === 465 ? 'tls' : 'starttls'),
    user,
    authMethod: context.oneOf('probe.authMethod', PROBE_AUTH_METHODS, 'plain'),
    passwordSecretName,
    scheduleMinutes: context.integer('probe.scheduleMinutes', 5, { min: 1, max: 60 }),
    timeoutMs,
    slowMs: context.integer('probe.slowMs', 10_000, { min: 100, max: 600_000 }),
    certWarnDays: context.integer('probe.certWarnDays', 14, { min: 1, max: 365 }),
    transientAlertAfter: context.integer('probe.transientAlertAfter', 3, { min: 1, max: 10 }),
    ...readEnvelope(context),
  };
}

function readEnvelope(context: ContextReader): Pick<ProbeConfig, 'envelope'> {
  const from = context.optionalString('probe.mailFrom');
  const to = context.optionalString('probe.rcptTo');
  if (from === undefined) {
    if (to !== undefined) {
      throw new ConfigError('probe.rcptTo', 'needs probe.mailFrom: the sender address the check is about');
    }
    return {};
  }
  const address = (key: string, value: string) => {
    if (!PROBE_MAILBOX.test(value)) {
      throw new ConfigError(key, 'must be a mail address (local@domain, ASCII, no spaces or brackets)');
    }
    return value;
  };
  return {
    envelope: { from: address('probe.mailFrom', from), to: address('probe.rcptTo', to ?? from) },
  };
}

export function readAlerts(context: ContextReader): AlertsConfig {
  const emails = context.addresses('alerts.emails');
  const sesTo = context.addresses('alerts.sesTo');
  const sesFrom = context.optionalString('alerts.sesFrom');
  if (sesFrom !== undefined && !ADDRESS.test(sesFrom)) {
    throw new ConfigError(
      'alerts.sesFrom',
      `must be an e-mail address (a verified SES identity), not "${sesFrom}"`,
    );
  }
  if (sesFrom && sesTo.length === 0) {
    throw new ConfigError(
      'alerts.sesTo',
      'is required with alerts.sesFrom: the ops addresses the alert mail goes to',
    );
  }
  if (sesTo.length > 0 && !sesFrom) {
    throw new ConfigError(
      'alerts.sesFrom',
      'is required with alerts.sesTo: the verified SES sender of the alert mail',
    );
  }
  return { emails, ...(sesFrom ? { sesFrom } : {}), sesTo };
}
