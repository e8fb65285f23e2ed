// The SMTP probe's and the alerts' part of the configuration (see bounce-doctor-config.ts): the probe in
// the contract's shape (the same the Lambda reads back from its environment), plus its schedule.
import {
  AUTH_METHODS,
  PROBE_DEFAULTS,
  type ProbeSettings,
  parseEnvelope,
  parseHost,
  parseUser,
  SECURITIES,
} from '../../lambda/contracts/probe.ts';
import { ADDRESS } from '../../lambda/contracts/values.ts';
import { type ContextReader, contextError } from './context-reader.ts';

export interface ProbeDeployConfig extends ProbeSettings {
  /** Minutes between runs (EventBridge rate). */
  readonly scheduleMinutes: number;
}

export interface AlertsConfig {
  /** E-mail subscriptions of the alert topic (alarms and probe alerts). */
  readonly emails: readonly string[];
  /** SES sender of the probe's Japanese + English alert mail; with sesTo. */
  readonly sesFrom?: string;
  readonly sesTo: readonly string[];
}

const CDK = { source: 'cdk.json' } as const;

export function readProbe(context: ContextReader): ProbeDeployConfig {
  const host = parseHost(
    'probe.host',
    context.string('probe.host', 'the SMTP server the team sends through, e.g. smtp.example.com'),
    CDK,
  );
  const port = context.integer('probe.port');
  if (port === 25) {
    throw contextError('probe.port', 'AWS Lambda cannot connect to port 25: use 587 (starttls) or 465 (tls)');
  }
  const user = parseUser(
    'probe.user',
    context.string('probe.user', 'the login name the team sends with'),
    CDK,
  );
  const envelope = parseEnvelope(
    { name: 'probe.mailFrom', value: context.optionalString('probe.mailFrom') },
    { name: 'probe.rcptTo', value: context.optionalString('probe.rcptTo') },
    CDK,
  );
  return {
    target: {
      host,
      port,
      security: context.oneOf('probe.security', SECURITIES, port === 465 ? 'tls' : PROBE_DEFAULTS.security),
      user,
      authMethod: context.text('probe.authMethod', AUTH_METHODS),
      ...(envelope ? { envelope } : {}),
    },
    passwordSecretId: context.secretName(
      'probe.passwordSecretName',
      'the Secrets Manager secret with the SMTP password',
    ),
    timeoutMs: context.integer('probe.timeoutMs'),
    thresholds: {
      slowMs: context.integer('probe.slowMs'),
      certificateWarnDays: context.integer('probe.certWarnDays'),
    },
    transientAlertAfter: context.integer('probe.transientAlertAfter'),
    scheduleMinutes: context.integer('probe.scheduleMinutes'),
  };
}

export function readAlerts(context: ContextReader): AlertsConfig {
  const emails = context.addresses('alerts.emails');
  const sesTo = context.addresses('alerts.sesTo');
  const sesFrom = context.optionalString('alerts.sesFrom');
  if (sesFrom !== undefined && !ADDRESS.test(sesFrom)) {
    throw contextError(
      'alerts.sesFrom',
      `must be an e-mail address (a verified SES identity), not "${sesFrom}"`,
    );
  }
  if (sesFrom && sesTo.length === 0) {
    throw contextError(
      'alerts.sesTo',
      'is required with alerts.sesFrom: the ops addresses the alert mail goes to',
    );
  }
  if (sesTo.length > 0 && !sesFrom) {
    throw contextError(
      'alerts.sesFrom',
      'is required with alerts.sesTo: the verified SES sender of the alert mail',
    );
  }
  return { emails, ...(sesFrom ? { sesFrom } : {}), sesTo };
}
