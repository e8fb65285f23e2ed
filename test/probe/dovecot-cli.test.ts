// `bounce-doctor probe` spawned for real against Dovecot's submission service offering AUTH LOGIN only
// (one private instance on loopback for this file), trusting the test CA from a DER file, with the
// sender check relayed to a Postfix-like relay that refuses senders the user does not own.
import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../lambda/core/probe/types.ts';
import { makeTestCertificates } from '../helpers/certificates.ts';
import { CLI } from '../helpers/cli.ts';
import { loopbackAddresses, type RunningDovecot, startDovecot } from '../helpers/dovecot.ts';
import { startPostfixLikeRelay } from '../helpers/scripted-smtp.ts';

const USER = 'ops@example.com';
const PASSWORD = 'correct horse battery staple';

let relay: Awaited<ReturnType<typeof startPostfixLikeRelay>>;
let dovecot: RunningDovecot;
let address: string;
let derFile: string;

beforeAll(async () => {
  [address] = loopbackAddresses(1) as [string];
  const certs = await makeTestCertificates(new Date(), [address]);
  derFile = join(mkdtempSync(join(tmpdir(), 'bd-probe-cli-')), 'ca.der');
  writeFileSync(derFile, new X509Certificate(certs.ca).raw);
  relay = await startPostfixLikeRelay([USER], USER);
  dovecot = await startDovecot({
    users: { [USER]: PASSWORD },
    mechanisms: ['login'],
    certificates: { valid: certs.valid },
    addresses: [address],
    relayHost: '127.0.0.1',
    relayPort: relay.port,
  });
}, 30_000);

afterAll(async () => {
  await Promise.all([dovecot?.stop(), relay?.close()]);
  rmSync(dirname(derFile), { recursive: true, force: true });
}, 30_000);

function run(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C', SMTP_PASSWORD: PASSWORD };
  const target = ['--host', address, '--port', String(dovecot.submissionPort), '--user', USER];
  const child = spawn(process.execPath, [CLI, 'probe', ...target, '--ca-file', derFile, ...args], { env });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.resume();
  return new Promise<{ code: number | null; stdout: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout })),
  );
}

describe('bounce-doctor probe against Dovecot with AUTH LOGIN only', () => {
  it('AUTH PLAIN (the default) is auth-unavailable (no common mechanism); no password sent', async () => {
    const { code, stdout } = await run(['--json']);
    expect(code).toBe(2);
    expect(JSON.parse(stdout) as ProbeResult).toMatchObject({
      outcome: 'auth-unavailable',
      variant: 'no-common-mechanism',
      authMechanisms: ['LOGIN'],
      certificate: { issuer: 'CN=bounce-doctor test CA' },
    });
  });

  it('--auth login is ok, over TLS checked against the CA given in DER', async () => {
    const { code, stdout } = await run(['--json', '--auth', 'login', '--from', USER]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout) as ProbeResult).toMatchObject({
      outcome: 'ok',
      tls: { authorized: true },
      envelope: { from: USER, to: USER },
    });
  });

  it('a sender the user does not own: the report says who may not send as whom, exit 2', async () => {
    const { code, stdout } = await run(['--auth', 'login', '--from', 'ceo@example.com']);
    expect(code).toBe(2);
    expect(stdout).toMatch(/^FAILURE\n/);
    expect(stdout).toContain('outcome: sender-refused (not-owned)   severity: failure');
    expect(stdout).toContain('sender check: MAIL FROM:<ceo@example.com> RCPT TO:<ceo@example.com>');
    expect(stdout).toContain('Sender address rejected: not owned by user ops@example.com');
    expect(stdout).toContain('failed at: rcpt, RCPT TO [EENVELOPE]');
    expect(stdout).toContain(`this user (${USER}) may not send as ceo@example.com`);
  });
});
