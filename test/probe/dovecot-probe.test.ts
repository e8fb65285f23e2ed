// The probe against a real mail server nobody here wrote: Dovecot's submission service, one private
// instance on loopback for this file (passwd-file logins, PLAIN and LOGIN, AUTH only after STARTTLS,
// certificates made by the test, one loopback address per certificate), relaying to a small scripted
// relay this file starts and stops. Tests that fail a login come last: Dovecot delays every login
// from an address after a failed one (its anvil penalty), which would only slow the others down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HostLookup, type ProbeOptions, probeSmtp } from '../../lambda/adapters/smtp-probe.ts';
import { interpretProbe } from '../../lambda/core/probe/interpret.ts';
import type { ProbeResult, ProbeTarget, Security } from '../../lambda/core/probe/types.ts';
import { makeTestCertificates, type TestCertificates } from '../helpers/certificates.ts';
import { type RunningDovecot, startDovecot } from '../helpers/dovecot.ts';
import { startPostfixLikeRelay } from '../helpers/scripted-smtp.ts';

const USER = 'ops@example.com';
const PASSWORD = 'correct horse battery staple';
/** The relay (like Postfix with reject_sender_login_mismatch) lets this user send as these only. */
const OWNED = ['ops@example.com', 'support@example.com'];

type CertificateName = 'valid' | 'selfSigned' | 'wrongHost' | 'expiringIn5Days';

let certs: TestCertificates;
let relay: Awaited<ReturnType<typeof startPostfixLikeRelay>>;
let dovecot: RunningDovecot;

beforeAll(async () => {
  certs = await makeTestCertificates();
  relay = await startPostfixLikeRelay(OWNED, USER);
  dovecot = await startDovecot({
    users: { [USER]: PASSWORD },
    mechanisms: ['plain', 'login'],
    certificates: {
      valid: certs.valid,
      selfSigned: certs.selfSigned,
      wrongHost: certs.wrongHost,
      expiringIn5Days: certs.expiringIn5Days,
    },
    relayHost: '127.0.0.1',
    relayPort: relay.port,
    authFailureDelaySecs: 1,
  });
}, 30_000);

afterAll(async () => {
  await Promise.all([dovecot?.stop(), relay?.close()]);
}, 30_000);

async function probe(
  certificate: CertificateName,
  security: Security,
  overrides: Partial<ProbeTarget> & Partial<Pick<ProbeOptions, 'password' | 'timeoutMs'>> = {},
): Promise<ProbeResult> {
  const { password = PASSWORD, timeoutMs = 5_000, ...target } = overrides;
  // `localhost` is the name on the certificates; it resolves to the address showing the one wanted.
  const lookup: HostLookup = async (host) => {
    if (host === 'localhost') return [dovecot.address(certificate)];
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  };
  const observation = await probeSmtp({
    target: {
      host: 'localhost',
      port: security === 'tls' ? dovecot.submissionsPort : dovecot.submissionPort,
      security,
      user: USER,
      authMethod: 'plain',
      ...target,
    },
    password,
    timeoutMs,
    ca: [certs.ca],
    lookup,
  });
  return interpretProbe(observation, {
    now: new Date(),
    thresholds: { slowMs: 10_000, certificateWarnDays: 14 },
  });
}

describe('Dovecot submission: logging in', () => {
  it.each([
    ['starttls', 'plain'],
    ['starttls', 'login'],
    ['tls', 'plain'],
  ] as const)('the right password over %s with AUTH %s is ok', async (security, authMethod) => {
    const result = await probe('valid', security, { authMethod });
    expect(result, dovecot.log()).toMatchObject({
      outcome: 'ok',
      severity: 'ok',
      authMechanisms: ['PLAIN', 'LOGIN'],
      certificate: { subject: 'CN=localhost', issuer: 'CN=bounce-doctor test CA' },
    });
    expect(result.timings).toHaveProperty('auth');
  });

  it('with security none, where AUTH comes only after STARTTLS: auth-unavailable (needs-tls), no password sent', async () => {
    const result = await probe('valid', 'none');
    expect(result).toMatchObject({ outcome: 'auth-unavailable', variant: 'needs-tls', severity: 'failure' });
    expect(result.timings).not.toHaveProperty('auth');
    expect(dovecot.log()).not.toMatch(/plaintext auth/);
  });
});

describe('Dovecot submission: certificates', () => {
  it.each([
    ['selfSigned', 'starttls', 'untrusted', 'DEPTH_ZERO_SELF_SIGNED_CERT'],
    ['selfSigned', 'tls', 'untrusted', 'DEPTH_ZERO_SELF_SIGNED_CERT'],
    ['wrongHost', 'starttls', 'wrong-host', 'ERR_TLS_CERT_ALTNAME_INVALID'],
  ] as const)(
    'a %s certificate over %s is tls-failed (%s) before AUTH',
    async (name, security, variant, code) => {
      const result = await probe(name, security);
      expect(result).toMatchObject({ outcome: 'tls-failed', variant, errorCode: code, severity: 'failure' });
      expect(result.timings).not.toHaveProperty('auth');
    },
  );

  it('a certificate expiring in 5 days is a warning with the days left', async () => {
    const result = await probe('expiringIn5Days', 'starttls');
    expect(result).toMatchObject({ outcome: 'certificate-expiring', severity: 'warning' });
    expect(result.certificate?.daysLeft).toBe(5);
  });
});

describe('Dovecot submission: the sender check', () => {
  it('an address the user owns: ok, MAIL FROM and RCPT TO accepted, no mail sent', async () => {
    const envelope = { from: 'support@example.com', to: 'support@example.com' };
    const result = await probe('valid', 'starttls', { envelope });
    expect(result).toMatchObject({ outcome: 'ok', envelope });
    expect(result.timings).toMatchObject({ mail: expect.any(Number), rcpt: expect.any(Number) });
    expect(relay.commands.some((line) => /^(DATA|BDAT)/i.test(line))).toBe(false);
  });

  it('an address the user does not own: sender-refused (not-owned), the relay’s words passed on', async () => {
    const envelope = { from: 'ceo@example.com', to: 'support@example.com' };
    const result = await probe('valid', 'starttls', { envelope });
    expect(result).toMatchObject({
      outcome: 'sender-refused',
      variant: 'not-owned',
      severity: 'failure',
      replyCode: 553,
      failedCommand: 'RCPT TO',
    });
    expect(result.replyText).toContain('not owned by user');
  });

  describe('with the relay down', () => {
    beforeAll(async () => {
      await relay.close();
    });

    it('MAIL FROM gets 421: relay-unavailable, transient', async () => {
      const result = await probe('valid', 'starttls', {
        envelope: { from: 'support@example.com', to: 'support@example.com' },
      });
      expect(result).toMatchObject({
        outcome: 'relay-unavailable',
        severity: 'transient',
        replyCode: 421,
        failedCommand: 'MAIL FROM',
      });
      expect(result.replyText).toMatch(/relay server/);
    });

    it('without the sender check, the 421 at QUIT is reported, not ignored', async () => {
      const result = await probe('valid', 'starttls');
      expect(result).toMatchObject({ outcome: 'relay-unavailable', replyCode: 421, failedCommand: 'QUIT' });
    });
  });
});

describe('Dovecot submission: failed logins (last: Dovecot slows the next logins down)', () => {
  it('a wrong password is auth-failed (bad-credentials), 535 5.7.8', async () => {
    const result = await probe('valid', 'starttls', { password: 'an old password' });
    expect(result).toMatchObject({
      outcome: 'auth-failed',
      variant: 'bad-credentials',
      severity: 'failure',
      replyCode: 535,
      enhancedCode: '5.7.8',
      failedCommand: 'AUTH PLAIN',
    });
    expect(JSON.stringify(result)).not.toContain('an old password');
  });

  it('a failed login answered after the time-out (auth_failure_delay) is reply-timeout (auth), timed', async () => {
    const result = await probe('valid', 'starttls', { password: 'an old password', timeoutMs: 500 });
    expect(result).toMatchObject({
      outcome: 'reply-timeout',
      variant: 'auth',
      severity: 'transient',
      failedPhase: 'auth',
      failedCommand: 'AUTH PLAIN',
    });
    expect(result.timings.auth).toBeGreaterThanOrEqual(480);
    expect(result.totalMs).toBeGreaterThanOrEqual(480);
  });
});
