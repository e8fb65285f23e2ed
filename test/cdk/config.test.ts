// Reading the configuration: cdk.json's groups, `-c key=value` overrides (strings), defaults; and the
// CDK side accepting what the Lambda accepts, since both read the one settings contract.
import { describe, expect, it } from 'vitest';
import { bounceConfigFromEnv } from '../../lambda/contracts/bounce.ts';
import type { ConfigError } from '../../lambda/contracts/errors.ts';
import { readBounceDoctorConfig } from '../../lib/config/bounce-doctor-config.ts';
import { exampleContext } from '../helpers/cdk-context.ts';

const read = (overrides: Record<string, unknown> = {}, defaults = {}) => {
  const context: Record<string, unknown> = { ...exampleContext(), ...overrides };
  return readBounceDoctorConfig((key) => context[key], defaults);
};

describe('the configuration', () => {
  it('reads the example in cdk.json, with the defaults of the keys it leaves out', () => {
    const config = read();
    expect(config).toMatchObject({
      stackName: 'BounceDoctor',
      region: 'ap-northeast-1',
      receiving: {
        recipients: ['bounces.example.com'],
        createdRuleSetName: 'BounceDoctor-receipt-rules',
        ruleName: 'BounceDoctor-bounces',
        tlsRequired: true,
      },
      ticketApi: { kind: 'zendesk', timeoutMs: 10_000, maxAttempts: 4, budgetPerHour: 100 },
      probe: {
        target: { host: 'smtp.example.com', port: 587, security: 'starttls', authMethod: 'plain' },
        timeoutMs: 10_000,
        thresholds: { slowMs: 10_000, certificateWarnDays: 14 },
        transientAlertAfter: 3,
        scheduleMinutes: 5,
      },
      alerts: {
        emails: ['ops@example.com'],
        sesFrom: 'bounce-doctor@example.com',
        sesTo: ['ops@example.com'],
      },
    });
    expect(config.ticketKinds).toEqual([]);
    expect(config.kmsKeyArn).toBeUndefined();
  });

  it('takes `-c` overrides of dotted keys as strings: numbers, booleans and comma-separated lists', () => {
    const config = read({
      'probe.port': '465',
      'probe.security': null,
      'receiving.tlsRequired': 'false',
      'receiving.recipients': 'bounce@bounces.example.com, .bounces.example.com',
      ticketKinds: '["bounce","delay"]',
    });
    expect(config.probe.target).toMatchObject({ port: 465, security: 'tls' });
    expect(config.receiving.tlsRequired).toBe(false);
    expect(config.receiving.recipients).toEqual(['bounce@bounces.example.com', '.bounces.example.com']);
    expect(config.ticketKinds).toEqual(['bounce', 'delay']);
  });

  it('takes the region and account from the environment when cdk.json names none', () => {
    const config = read({ region: undefined }, { region: 'us-east-1', account: '123456789012' });
    expect(config).toMatchObject({ region: 'us-east-1', account: '123456789012' });
  });
});

describe('domain names, the same at synth and at run time', () => {
  const HANDLER_ENV = {
    BUCKET_NAME: 'b',
    IDEMPOTENCY_TABLE: 't',
    TICKET_API_URL: 'https://tickets.example.jp/api',
    TICKET_TOKEN_SECRET_ID: 'token',
    LINK_KEY_SECRET_ID: 'key',
    VIEWER_BASE_URL: 'https://viewer.example.jp',
  };
  const atRunTime = (domain: string) =>
    bounceConfigFromEnv({ ...HANDLER_ENV, TRUSTED_DKIM_DOMAINS: domain }).trust.dkimDomains;
  const atSynth = (domain: string) => read({ 'trust.dkimDomains': domain }).trust.dkimDomains;

  it.each([
    ['example.com', 'example.com'],
    ['Mail.Example.CO.JP', 'mail.example.co.jp'],
    ['xn--80ak6aa92e.xn--p1ai', 'xn--80ak6aa92e.xn--p1ai'],
    ['@example.com', 'example.com'],
    ['example.com.', 'example.com'],
  ])('both accept %s as %s', (given, read) => {
    expect(atRunTime(given)).toEqual([read]);
    expect(atSynth(given)).toEqual([read]);
  });

  it.each(['localhost', 'example', '192.0.2.1', 'mail example.jp', '-example.com', 'example.c'])(
    'both refuse %s, naming the setting',
    (given) => {
      expect(() => atRunTime(given)).toThrow(
        expect.objectContaining({ setting: 'TRUSTED_DKIM_DOMAINS' }) as ConfigError,
      );
      expect(() => atSynth(given)).toThrow(
        expect.objectContaining({ setting: 'trust.dkimDomains' }) as ConfigError,
      );
    },
  );
});
