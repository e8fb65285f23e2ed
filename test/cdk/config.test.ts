// Reading the configuration: cdk.json's groups, `-c key=value` overrides (strings), defaults.
import { describe, expect, it } from 'vitest';
import { TICKET_API_KINDS as HANDLER_API_KINDS } from '../../lambda/core/bounce/config.ts';
import { MAILBOX } from '../../lambda/core/probe/config.ts';
import { AUTH_METHODS, SECURITIES } from '../../lambda/core/probe/types.ts';
import { MESSAGE_KINDS as HANDLER_KINDS } from '../../lambda/core/types.ts';
import {
  MESSAGE_KINDS,
  readBounceDoctorConfig,
  TICKET_API_KINDS,
} from '../../lib/config/bounce-doctor-config.ts';
import { PROBE_AUTH_METHODS, PROBE_MAILBOX, PROBE_SECURITIES } from '../../lib/config/probe-config.ts';
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
      ticketApi: { kind: 'zendesk', timeoutMs: 10_000, maxAttempts: 4 },
      probe: {
        host: 'smtp.example.com',
        port: 587,
        security: 'starttls',
        authMethod: 'plain',
        timeoutMs: 10_000,
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
    expect(config.probe).toMatchObject({ port: 465, security: 'tls' });
    expect(config.receiving.tlsRequired).toBe(false);
    expect(config.receiving.recipients).toEqual(['bounce@bounces.example.com', '.bounces.example.com']);
    expect(config.ticketKinds).toEqual(['bounce', 'delay']);
  });

  it('takes the region and account from the environment when cdk.json names none', () => {
    const config = read({ region: undefined }, { region: 'us-east-1', account: '123456789012' });
    expect(config).toMatchObject({ region: 'us-east-1', account: '123456789012' });
  });

  it('accepts exactly the values the handlers accept (lib/ knows the handlers only by entry path)', () => {
    expect(TICKET_API_KINDS).toEqual(HANDLER_API_KINDS);
    expect(MESSAGE_KINDS).toEqual(HANDLER_KINDS);
    expect(PROBE_SECURITIES).toEqual(SECURITIES);
    expect(PROBE_AUTH_METHODS).toEqual(AUTH_METHODS);
    expect(PROBE_MAILBOX.source).toBe(MAILBOX.source);
  });
});
