// The probe's pure interpretation: observation in, outcome/variant/severity and advice out; no network.
import { describe, expect, it } from 'vitest';
import { interpretProbe } from '../../lambda/core/probe/interpret.ts';
import type { ProbeFailure, ProbeObservation, ProbeTarget } from '../../lambda/core/probe/types.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const TARGET: ProbeTarget = {
  host: 'smtp.example.com',
  port: 587,
  security: 'starttls',
  user: 'ops@example.com',
  authMethod: 'plain',
};
const EHLO = '250-smtp.example.com\n250-PIPELINING\n250 AUTH PLAIN LOGIN';
const CERT = {
  subject: 'CN=smtp.example.com',
  issuer: 'CN=Example CA',
  subjectAltNames: ['DNS:smtp.example.com'],
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: '2027-01-01T00:00:00.000Z',
  fingerprint256: 'AB:CD',
};

function observed(overrides: Partial<ProbeObservation> = {}): ProbeObservation {
  return {
    target: TARGET,
    timeoutMs: 10_000,
    addresses: ['192.0.2.10'],
    timings: { dns: 5, connect: 10, greeting: 20, ehlo: 5, starttls: 15, auth: 10, quit: 3 },
    greeting: '220 smtp.example.com ESMTP',
    ehlo: EHLO,
    tls: { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', authorized: true, certificate: CERT },
    authAttempted: true,
    authenticated: true,
    envelopeAccepted: false,
    ...overrides,
  };
}

function failed(failure: ProbeFailure, overrides: Partial<ProbeObservation> = {}): ProbeObservation {
  return observed({ authenticated: false, failure, ...overrides });
}

const interpret = (observation: ProbeObservation) =>
  interpretProbe(observation, { now: NOW, thresholds: { slowMs: 1_000, certificateWarnDays: 14 } });

describe('interpretProbe', () => {
  it.each([
    ['a full session', observed(), 'ok', undefined, 'ok'],
    [
      'DNS NXDOMAIN',
      failed({ phase: 'dns', code: 'ENOTFOUND', message: '' }),
      'dns-failed',
      'not-found',
      'failure',
    ],
    [
      'DNS SERVFAIL',
      failed({ phase: 'dns', code: 'EAI_AGAIN', message: '' }),
      'dns-failed',
      'temporary',
      'transient',
    ],
    [
      'a refusal',
      failed({ phase: 'connect', code: 'ECONNREFUSED', message: '' }),
      'connection-refused',
      undefined,
      'failure',
    ],
    [
      'a connect time-out',
      failed({ phase: 'connect', code: 'ETIMEDOUT', message: '' }),
      'connect-timeout',
      'tcp',
      'transient',
    ],
    [
      'no route',
      failed({ phase: 'connect', code: 'EHOSTUNREACH', message: '' }),
      'connect-timeout',
      'tcp',
      'transient',
    ],
    [
      'no greeting',
      failed({ phase: 'greeting', code: 'ETIMEDOUT', message: '' }),
      'connect-timeout',
      'no-greeting',
      'transient',
    ],
    [
      'a 421 banner',
      failed({
        phase: 'greeting',
        code: 'EPROTOCOL',
        response: '421 4.3.2 busy',
        message: '',
        command: 'CONN',
      }),
      'greeting-rejected',
      'temporary',
      'transient',
    ],
    [
      'a 554 banner',
      failed({
        phase: 'greeting',
        code: 'EPROTOCOL',
        response: '554 5.7.1 go away',
        message: '',
        command: 'CONN',
      }),
      'greeting-rejected',
      'permanent',
      'failure',
    ],
    [
      'a banner that is not SMTP',
      failed({ phase: 'greeting', code: 'EPROTOCOL', response: 'SSH-2.0-OpenSSH_9.6', message: '' }),
      'protocol-error',
      'not-smtp',
      'failure',
    ],
    [
      'STARTTLS refused',
      failed({ phase: 'starttls', code: 'ETLS', response: '502 5.5.1 Unrecognized command', message: '' }),
      'starttls-unavailable',
      undefined,
      'failure',
    ],
    [
      'STARTTLS 454',
      failed({ phase: 'starttls', code: 'ETLS', response: '454 4.7.0 TLS not available', message: '' }),
      'starttls-unavailable',
      undefined,
      'transient',
    ],
    [
      'a handshake error',
      failed({ phase: 'tls', code: 'ESOCKET', originalCode: 'ERR_SSL_WRONG_VERSION_NUMBER', message: '' }),
      'tls-failed',
      'handshake',
      'failure',
    ],
    [
      'nodemailer reporting a self-signed certificate',
      failed({ phase: 'tls', code: 'ESOCKET', originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: '' }),
      'tls-failed',
      'untrusted',
      'failure',
    ],
    [
      'an expired certificate (the dates decide, whatever the code)',
      failed(
        { phase: 'starttls', code: 'ECERT', originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: '' },
        {
          tls: {
            protocol: 'TLSv1.3',
            cipher: 'x',
            authorized: false,
            certificate: { ...CERT, validTo: '2026-05-01T00:00:00Z' },
          },
        },
      ),
      'tls-failed',
      'expired',
      'failure',
    ],
    [
      'a certificate for another name',
      failed({ phase: 'starttls', code: 'ECERT', originalCode: 'ERR_TLS_CERT_ALTNAME_INVALID', message: '' }),
      'tls-failed',
      'wrong-host',
      'failure',
    ],
    [
      'a server that closes after EHLO',
      failed({ phase: 'ehlo', code: 'ECONNECTION', message: 'Connection closed unexpectedly' }),
      'protocol-error',
      'closed',
      'failure',
    ],
    [
      'no AUTH offered',
      observed({ authAttempted: false, authenticated: false, ehlo: '250-x\n250 PIPELINING' }),
      'auth-unavailable',
      'not-advertised',
      'failure',
    ],
    [
      'only XOAUTH2 offered',
      observed({ authAttempted: false, authenticated: false, ehlo: '250-x\n250 AUTH XOAUTH2' }),
      'auth-unavailable',
      'no-common-mechanism',
      'failure',
    ],
    [
      'a session slower than the threshold',
      observed({ timings: { dns: 500, connect: 300, auth: 400 } }),
      'slow',
      undefined,
      'warning',
    ],
    [
      'a certificate with 10 days left',
      observed({
        tls: {
          protocol: 'TLSv1.3',
          cipher: 'x',
          authorized: true,
          certificate: { ...CERT, validTo: '2026-06-11T12:00:00Z' },
        },
      }),
      'certificate-expiring',
      undefined,
      'warning',
    ],
  ] as const)('%s → %s %s (%s)', (_name, observation, outcome, variant, severity) => {
    const result = interpret(observation);
    expect(result.outcome).toBe(outcome);
    expect(result.variant).toBe(variant);
    expect(result.severity).toBe(severity);
    expect(result.diagnosis.summary.ja).not.toMatch(/\{\w+\}/);
    expect(result.diagnosis.remedy.en).not.toMatch(/\{\w+\}/);
  });

  it.each([
    ['535 5.7.8 Username and Password not accepted', 'bad-credentials'],
    ['535 Incorrect authentication data', 'bad-credentials'],
    ['535 5.7.3 Authentication unsuccessful', 'basic-auth-blocked'],
    [
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
      'smtp-auth-disabled',
    ],
    [
      "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy",
      'smtp-auth-disabled',
    ],
    [
      '534-5.7.9 Application-specific password required. Learn more at\n534 5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor',
      'app-password-required',
    ],
    ['530 5.7.0 Authentication Required', 'auth-required'],
    ['454 4.7.0 Too many login attempts, please try again later', 'temporary'],
    ['500 5.5.2 Error: bad syntax', 'other'],
  ])('AUTH reply "%s" is auth-failed: %s', (response, variant) => {
    const result = interpret(
      failed({ phase: 'auth', code: 'EAUTH', response, message: '', command: 'AUTH PLAIN' }),
    );
    expect(result).toMatchObject({ outcome: 'auth-failed', variant, failedCommand: 'AUTH PLAIN' });
  });

  it('reports port 25 as a configuration problem: blocked from AWS, a failure at once', () => {
    const port25 = { ...TARGET, port: 25 };
    const timeout = interpret(
      failed({ phase: 'connect', code: 'ETIMEDOUT', message: '' }, { target: port25 }),
    );
    expect(timeout).toMatchObject({ outcome: 'connect-timeout', variant: 'port-25', severity: 'failure' });
    expect(timeout.configWarnings).toEqual(['port-25']);
    expect(timeout.diagnosis.remedy.en).toMatch(/587/);

    const reached = interpret(observed({ target: port25 }));
    expect(reached).toMatchObject({ outcome: 'ok', severity: 'warning', configWarnings: ['port-25'] });
    expect(reached.diagnosis.summary.en).toMatch(/AWS Lambda .* cannot connect to port 25/);
  });

  it('fills the result object: reply, timings without QUIT in the total, certificate days, no certificate in tls', () => {
    const result = interpret(
      failed({ phase: 'auth', code: 'EAUTH', response: '535 5.7.8 bad', message: '', command: 'AUTH LOGIN' }),
    );
    expect(result).toMatchObject({
      host: 'smtp.example.com',
      port: 587,
      security: 'starttls',
      checkedAt: '2026-06-01T00:00:00.000Z',
      replyCode: 535,
      enhancedCode: '5.7.8',
      replyText: 'bad',
      failedPhase: 'auth',
      errorCode: 'EAUTH',
      totalMs: 65,
      authMechanisms: ['PLAIN', 'LOGIN'],
      tls: { protocol: 'TLSv1.3', authorized: true },
      certificate: { daysLeft: 214, validTo: '2027-01-01T00:00:00.000Z' },
    });
    expect(result.tls).not.toHaveProperty('certificate');
  });
});
