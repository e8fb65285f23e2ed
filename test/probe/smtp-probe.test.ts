// Every probe outcome provoked for real against servers on loopback: smtp-server with AUTH, STARTTLS and
// implicit TLS on certificates made here, a silent listener, a closed port, a full accept backlog.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HostLookup, type ProbeOptions, probeSmtp } from '../../lambda/adapters/smtp-probe.ts';
import { interpretProbe } from '../../lambda/core/probe/interpret.ts';
import type { ProbeResult, ProbeTarget, Security } from '../../lambda/core/probe/types.ts';
import { makeTestCertificates, type TestCertificates } from '../helpers/certificates.ts';
import {
  closedPort,
  PASSWORD,
  type Running,
  smtpError,
  startBlackhole,
  startSilentListener,
  startSmtp,
  USER,
} from '../helpers/smtp-servers.ts';

let certs: TestCertificates;
const running: Running[] = [];

beforeAll(async () => {
  certs = await makeTestCertificates();
});

afterAll(async () => {
  await Promise.all(running.map((server) => server.close()));
});

/** Resolves only `localhost` (offline, instantly), as a resolver answering NXDOMAIN for anything else. */
const lookup: HostLookup = async (host) => {
  if (host === 'localhost') return ['127.0.0.1'];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
};

async function serve(start: Promise<Running>): Promise<number> {
  const server = await start;
  running.push(server);
  return server.port;
}

async function probe(
  port: number,
  security: Security,
  overrides: Partial<ProbeTarget> & Partial<Pick<ProbeOptions, 'password' | 'timeoutMs' | 'ca'>> = {},
  thresholds = { slowMs: 5_000, certificateWarnDays: 14 },
): Promise<ProbeResult> {
  const { password = PASSWORD, timeoutMs = 2_000, ca = [certs.ca], ...target } = overrides;
  const observation = await probeSmtp({
    target: { host: 'localhost', port, security, user: USER, authMethod: 'plain', ...target },
    password,
    timeoutMs,
    ca,
    lookup,
  });
  return interpretProbe(observation, { now: new Date(), thresholds });
}

const tlsServer = (cert = certs.valid) => startSmtp({ secure: true, ...cert });
const starttlsServer = (cert = certs.valid) => startSmtp({ ...cert });

describe('a server that lets the probe log in', () => {
  it.each([
    ['tls', 'plain'],
    ['tls', 'login'],
    ['starttls', 'plain'],
    ['starttls', 'login'],
  ] as const)('is ok over %s with AUTH %s, with every phase timed', async (security, authMethod) => {
    const port = await serve(security === 'tls' ? tlsServer() : starttlsServer());
    const result = await probe(port, security, { authMethod });
    expect(result).toMatchObject({ outcome: 'ok', severity: 'ok', authMechanisms: ['PLAIN', 'LOGIN'] });
    const phases = security === 'tls' ? ['dns', 'connect', 'tls'] : ['dns', 'connect', 'starttls'];
    for (const phase of [...phases, 'greeting', 'ehlo', 'auth', 'quit']) {
      expect(result.timings, phase).toHaveProperty(phase);
    }
    expect(result.certificate).toMatchObject({ subject: 'CN=localhost', issuer: 'CN=bounce-doctor test CA' });
    expect(result.certificate?.daysLeft).toBeGreaterThan(360);
    expect(result.diagnosis.summary.en).toMatch(/succeeded/);
  });

  it('is a config warning with security none: the password would cross in clear text', async () => {
    const port = await serve(startSmtp({ disabledCommands: ['STARTTLS'], allowInsecureAuth: true }));
    const result = await probe(port, 'none');
    expect(result).toMatchObject({ outcome: 'ok', severity: 'warning', configWarnings: ['no-tls'] });
    expect(result.diagnosis.summary.en).toMatch(/clear text/);
  });
});

describe('logging in fails', () => {
  it('535 5.7.8 with a wrong password: was it changed by the mail administrator?', async () => {
    const port = await serve(starttlsServer());
    const result = await probe(port, 'starttls', { password: 'an old password' });
    expect(result).toMatchObject({
      outcome: 'auth-failed',
      variant: 'bad-credentials',
      severity: 'failure',
      replyCode: 535,
      enhancedCode: '5.7.8',
      failedCommand: 'AUTH PLAIN',
      failedPhase: 'auth',
    });
    expect(result.diagnosis.remedy.en).toMatch(/changed the password/);
    expect(JSON.stringify(result)).not.toContain('an old password');
  });

  it.each([
    [
      'Microsoft 5.7.139: SMTP AUTH disabled for the tenant',
      smtpError(
        535,
        '5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
      ),
      { variant: 'smtp-auth-disabled', replyCode: 535, enhancedCode: '5.7.139', severity: 'failure' },
    ],
    [
      'Microsoft 5.7.3',
      smtpError(535, '5.7.3 Authentication unsuccessful [SN4PR0601CA0001.namprd06.prod.outlook.com]'),
      { variant: 'basic-auth-blocked', replyCode: 535, enhancedCode: '5.7.3', severity: 'failure' },
    ],
    [
      '534 5.7.9: an app password is required',
      smtpError(
        534,
        '5.7.9 Application-specific password required. Learn more at https://support.google.com/mail',
      ),
      { variant: 'app-password-required', replyCode: 534, enhancedCode: '5.7.9', severity: 'failure' },
    ],
    [
      '530: authentication required',
      smtpError(530, '5.7.0 Authentication Required'),
      { variant: 'auth-required', replyCode: 530, severity: 'failure' },
    ],
    [
      '454 4.7.0: a temporary authentication failure',
      smtpError(454, '4.7.0 Temporary authentication failure'),
      { variant: 'temporary', replyCode: 454, severity: 'transient' },
    ],
  ] as const)('%s', async (_name, authReply, expected) => {
    const port = await serve(startSmtp({ ...certs.valid, authReply }));
    const result = await probe(port, 'starttls');
    expect(result).toMatchObject({ outcome: 'auth-failed', ...expected });
  });
});

describe('a server that offers no way to log in', () => {
  it('is auth-unavailable, not ok, where nodemailer verify() reports success', async () => {
    const port = await serve(startSmtp({ ...certs.valid, disabledCommands: ['AUTH'] }));
    const transporter = nodemailer.createTransport({
      host: '127.0.0.1',
      port,
      requireTLS: true,
      tls: { ca: [certs.ca], servername: 'localhost' },
      auth: { user: USER, pass: 'not even checked' },
    });
    await expect(transporter.verify()).resolves.toBe(true);
    transporter.close();

    const result = await probe(port, 'starttls');
    expect(result).toMatchObject({
      outcome: 'auth-unavailable',
      variant: 'not-advertised',
      severity: 'failure',
    });
    expect(result.timings).not.toHaveProperty('auth');
  });

  it('is auth-unavailable when no offered mechanism is the configured one', async () => {
    const port = await serve(startSmtp({ ...certs.valid, authMethods: ['XOAUTH2'] }));
    const result = await probe(port, 'starttls', { authMethod: 'login' });
    expect(result).toMatchObject({
      outcome: 'auth-unavailable',
      variant: 'no-common-mechanism',
      authMechanisms: ['XOAUTH2'],
    });
    expect(result.diagnosis.summary.en).toContain('XOAUTH2');
  });
});

describe('the greeting', () => {
  it.each([
    [421, '4.3.2 Service not available, closing transmission channel', 'temporary', 'transient'],
    [554, '5.7.1 Access denied: your IP is not on the allow-list', 'permanent', 'failure'],
  ] as const)('%i is greeting-rejected', async (code, words, variant, severity) => {
    const port = await serve(
      startSmtp({ ...certs.valid, onConnect: (_s, cb) => cb(smtpError(code, words)) }),
    );
    const result = await probe(port, 'starttls');
    expect(result).toMatchObject({ outcome: 'greeting-rejected', variant, severity, replyCode: code });
    expect(result.replyText).toContain(words.slice(6));
  });

  it('that never comes is a connect time-out (no greeting), e.g. starttls on an implicit-TLS port', async () => {
    const port = await serve(startSilentListener());
    const result = await probe(port, 'starttls', { timeoutMs: 400 });
    expect(result).toMatchObject({
      outcome: 'connect-timeout',
      variant: 'no-greeting',
      severity: 'transient',
    });
  });
});

describe('TLS', () => {
  it('STARTTLS not offered when it is required: starttls-unavailable, the password not sent', async () => {
    const port = await serve(startSmtp({ disabledCommands: ['STARTTLS'], allowInsecureAuth: true }));
    const result = await probe(port, 'starttls');
    expect(result).toMatchObject({
      outcome: 'starttls-unavailable',
      severity: 'failure',
      failedPhase: 'starttls',
    });
    expect(result.timings).not.toHaveProperty('auth');
  });

  it.each([
    ['tls', 'untrusted (self-signed)', () => certs.selfSigned, 'untrusted', 'DEPTH_ZERO_SELF_SIGNED_CERT'],
    [
      'starttls',
      'untrusted (self-signed)',
      () => certs.selfSigned,
      'untrusted',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
    ],
    ['tls', 'for another host name', () => certs.wrongHost, 'wrong-host', 'ERR_TLS_CERT_ALTNAME_INVALID'],
    [
      'starttls',
      'for another host name',
      () => certs.wrongHost,
      'wrong-host',
      'ERR_TLS_CERT_ALTNAME_INVALID',
    ],
    ['tls', 'expired', () => certs.expired, 'expired', 'CERT_HAS_EXPIRED'],
    ['starttls', 'expired', () => certs.expired, 'expired', 'CERT_HAS_EXPIRED'],
  ] as const)(
    'over %s, a certificate %s is tls-failed before AUTH',
    async (security, _what, cert, variant, code) => {
      const port = await serve(security === 'tls' ? tlsServer(cert()) : starttlsServer(cert()));
      const result = await probe(port, security);
      expect(result).toMatchObject({ outcome: 'tls-failed', variant, severity: 'failure', errorCode: code });
      expect(result.certificate?.validTo).toBeTruthy();
      expect(result.timings).not.toHaveProperty('auth');
    },
  );

  it('a handshake that fails (implicit TLS against a plain SMTP port) is tls-failed: handshake', async () => {
    const port = await serve(startSmtp({ disabledCommands: ['STARTTLS'] }));
    const result = await probe(port, 'tls');
    expect(result).toMatchObject({ outcome: 'tls-failed', variant: 'handshake', failedPhase: 'tls' });
  });

  it('a certificate expiring in 5 days is a warning with the days left', async () => {
    const port = await serve(tlsServer(certs.expiringIn5Days));
    const result = await probe(port, 'tls');
    expect(result).toMatchObject({ outcome: 'certificate-expiring', severity: 'warning' });
    expect(result.certificate?.daysLeft).toBe(5);
    expect(result.diagnosis.summary.en).toContain('expires in 5 days');
  });
});

describe('reaching the server', () => {
  it('an unknown host name is dns-failed (not-found)', async () => {
    const result = await probe(587, 'starttls', { host: 'smtp.renamed-provider.invalid' });
    expect(result).toMatchObject({ outcome: 'dns-failed', variant: 'not-found', severity: 'failure' });
    expect(result.diagnosis.summary.en).toContain('smtp.renamed-provider.invalid');
  });

  it('a closed port is connection-refused', async () => {
    const result = await probe(await closedPort(), 'starttls');
    expect(result).toMatchObject({
      outcome: 'connection-refused',
      severity: 'failure',
      errorCode: 'ECONNREFUSED',
    });
  });

  it('a listener whose backlog drops the connection is a connect time-out, transient', async () => {
    const port = await serve(startBlackhole());
    const result = await probe(port, 'starttls', { timeoutMs: 500 });
    expect(result).toMatchObject({ outcome: 'connect-timeout', variant: 'tcp', severity: 'transient' });
    expect(result.timings.connect).toBeGreaterThanOrEqual(450);
  });

  it('a slow server over the latency threshold is a warning', async () => {
    const port = await serve(startSmtp({ ...certs.valid, delayMs: 400 }));
    const result = await probe(port, 'starttls', {}, { slowMs: 300, certificateWarnDays: 14 });
    expect(result).toMatchObject({ outcome: 'slow', severity: 'warning' });
    expect(result.timings.auth).toBeGreaterThanOrEqual(350);
    expect(result.diagnosis.summary.en).toMatch(/threshold 300 ms/);
  });
});
