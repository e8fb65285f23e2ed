// The probe Lambda's configuration from its environment: defaults, required settings, bad values by name.
import { beforeAll, describe, expect, it } from 'vitest';
import { probeConfigFromEnv } from '../../lambda/contracts/probe.ts';
import { makeTestCertificates } from '../helpers/certificates.ts';

let CA = '';
beforeAll(async () => {
  CA = (await makeTestCertificates()).ca;
});

const BASE = {
  SMTP_HOST: 'smtp.example.com',
  SMTP_USER: 'ops@example.com',
  SMTP_PASSWORD_SECRET_ID: 'smtp/password',
  ALERT_TOPIC_ARN: 'arn:aws:sns:ap-northeast-1:123456789012:probe',
  PROBE_STATE_BUCKET: 'state-bucket',
};

describe('probeConfigFromEnv', () => {
  it('fills in the defaults', () => {
    expect(probeConfigFromEnv(BASE)).toEqual({
      target: {
        host: 'smtp.example.com',
        port: 587,
        security: 'starttls',
        user: 'ops@example.com',
        authMethod: 'plain',
      },
      passwordSecretId: 'smtp/password',
      timeoutMs: 10_000,
      thresholds: { slowMs: 10_000, certificateWarnDays: 14 },
      transientAlertAfter: 3,
      alerts: { topicArn: BASE.ALERT_TOPIC_ARN, sesTo: [] },
      state: { bucket: 'state-bucket', key: 'probe-state/smtp.example.com-587.json' },
    });
  });

  it('reads every setting', () => {
    const config = probeConfigFromEnv({
      ...BASE,
      SMTP_PORT: '465',
      SMTP_SECURITY: 'tls',
      SMTP_AUTH_METHOD: 'LOGIN',
      PROBE_TIMEOUT_MS: '5000',
      PROBE_SLOW_MS: '2000',
      PROBE_CERT_WARN_DAYS: '30',
      PROBE_TRANSIENT_ALERT_AFTER: '5',
      PROBE_CA_PEM: CA,
      PROBE_MAIL_FROM: 'support@example.com',
      PROBE_RCPT_TO: 'helpdesk@example.com',
      ALERT_SES_FROM: 'probe@example.com',
      ALERT_SES_TO: 'a@example.com, b@example.com',
      PROBE_STATE_KEY: 'probe.json',
    });
    expect(config).toMatchObject({
      target: {
        port: 465,
        security: 'tls',
        authMethod: 'login',
        envelope: { from: 'support@example.com', to: 'helpdesk@example.com' },
      },
      timeoutMs: 5000,
      thresholds: { slowMs: 2000, certificateWarnDays: 30 },
      transientAlertAfter: 5,
      ca: [CA.trim()],
      alerts: { sesFrom: 'probe@example.com', sesTo: ['a@example.com', 'b@example.com'] },
      state: { key: 'probe.json' },
    });
  });

  it('takes the security and the method in any case; the sender check sends RCPT TO the sender by default', () => {
    const config = probeConfigFromEnv({
      ...BASE,
      SMTP_SECURITY: 'STARTTLS',
      SMTP_AUTH_METHOD: 'Login',
      PROBE_MAIL_FROM: 'support@example.com',
    });
    expect(config.target).toMatchObject({
      security: 'starttls',
      authMethod: 'login',
      envelope: { from: 'support@example.com', to: 'support@example.com' },
    });
    expect(config.timeoutMs).toBe(10_000);
  });

  it.each([
    ['SMTP_HOST', { SMTP_HOST: '' }],
    ['SMTP_PORT', { SMTP_PORT: '58 7' }],
    ['SMTP_SECURITY', { SMTP_SECURITY: 'ssl' }],
    ['SMTP_AUTH_METHOD', { SMTP_AUTH_METHOD: 'cram-md5' }],
    ['PROBE_TRANSIENT_ALERT_AFTER', { PROBE_TRANSIENT_ALERT_AFTER: '0' }],
    ['ALERT_TOPIC_ARN', { ALERT_TOPIC_ARN: undefined }],
    ['ALERT_SES_FROM', { ALERT_SES_TO: 'ops@example.com' }],
    ['PROBE_STATE_BUCKET', { PROBE_STATE_BUCKET: undefined }],
    ['PROBE_TIMEOUT_MS', { PROBE_TIMEOUT_MS: '2147483648' }],
    ['PROBE_TIMEOUT_MS', { PROBE_TIMEOUT_MS: '600001' }],
    ['PROBE_CA_PEM', { PROBE_CA_PEM: '-----BEGIN CERTIFICATE-----' }],
    [
      'PROBE_CA_PEM',
      { PROBE_CA_PEM: '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49\n-----END PRIVATE KEY-----' },
    ],
    ['PROBE_MAIL_FROM', { PROBE_MAIL_FROM: 'support@example.com\r\nDATA' }],
    ['PROBE_RCPT_TO', { PROBE_RCPT_TO: 'helpdesk@example.com' }],
    ['PROBE_RCPT_TO', { PROBE_MAIL_FROM: 'support@example.com', PROBE_RCPT_TO: 'helpdesk' }],
    ['SMTP_USER', { SMTP_USER: 'ops\x1b[2J@example.com' }],
  ])('names %s when it is wrong or missing', (setting, change) => {
    expect(() => probeConfigFromEnv({ ...BASE, ...change })).toThrow(expect.objectContaining({ setting }));
  });
});
