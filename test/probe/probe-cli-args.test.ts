// `bounce-doctor probe`'s arguments, run in-process: what it refuses (with the usage, exit 3) and what it
// accepts; nothing typed on the command line is echoed raw, and no time-out overflows Node's timers.
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProbeCommand } from '../../bin/cli/probe.ts';
import type { ProbeResult } from '../../lambda/core/probe/types.ts';
import { makeTestCertificates } from '../helpers/certificates.ts';
import { closedPort, PASSWORD, USER } from '../helpers/smtp-servers.ts';

let port: number;
let files: Record<'pem' | 'der' | 'key' | 'empty', string>;
let dir: string;

beforeAll(async () => {
  port = await closedPort();
  const certs = await makeTestCertificates();
  dir = mkdtempSync(join(tmpdir(), 'bd-probe-args-'));
  const at = (name: string, content: string | Buffer) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  files = {
    pem: at('ca.pem', certs.ca),
    der: at('ca.der', new X509Certificate(certs.ca).raw),
    key: at(
      'key.pem',
      generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
    ),
    empty: at('empty.pem', ''),
  };
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

async function run(args: string[], env: Record<string, string | undefined> = { SMTP_PASSWORD: PASSWORD }) {
  const [out, err] = [sink(), sink()];
  const code = await runProbeCommand(args, { out: out.stream, err: err.stream, env });
  return { code, stdout: out.text(), stderr: err.text() };
}

const target = (...more: string[]) => [
  '--host',
  '127.0.0.1',
  '--port',
  String(port),
  '--user',
  USER,
  ...more,
];

describe('refused with the usage (exit 3)', () => {
  it.each([
    ['a --timeout above what Node timers hold', ['--timeout', '2147484'], /--timeout: .*at most 600/],
    ['a --timeout of a week', ['--timeout', '604800'], /--timeout: .*at most 600/],
    [
      'a --ca-file with a private key and no certificate',
      () => ['--ca-file', files.key],
      /--ca-file: no certificate/,
    ],
    ['an empty --ca-file', () => ['--ca-file', files.empty], /--ca-file: no certificate/],
    ['--rcpt without --from', ['--rcpt', 'support@example.com'], /--rcpt: needs --from/],
    [
      'a --from that is not an address',
      ['--from', 'support at example.com'],
      /--from: must be a mail address/,
    ],
    ['a --from with a line break', ['--from', 'a@example.com>\r\nDATA'], /--from: must be a mail address/],
  ] as const)('%s', async (_name, extra, message) => {
    const { code, stderr, stdout } = await run(target(...(typeof extra === 'function' ? extra() : extra)));
    expect(code).toBe(3);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage:');
    expect(stdout).toBe('');
  });

  it('a stray argument (a password typed on the command line) is not echoed', async () => {
    const { code, stderr } = await run(target('hunter2-is-my-password'));
    expect(code).toBe(3);
    expect(stderr).toMatch(/unexpected argument/);
    expect(stderr).not.toContain('hunter2');
  });

  it('an unknown option that looks like a password is not echoed; a mistyped option name is', async () => {
    const secret = await run(target('--Hunter2!pass'));
    expect(secret.code).toBe(3);
    expect(secret.stderr).not.toContain('Hunter2');
    const typo = await run(target('--sercurity', 'tls'));
    expect(typo.code).toBe(3);
    expect(typo.stderr).toContain("'--sercurity'");
  });

  it('a user name with control characters is refused without printing them', async () => {
    const { code, stderr } = await run([
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--user',
      'ops\x1b[2J\r\nroot',
    ]);
    expect(code).toBe(3);
    expect(stderr).toMatch(/--user: .*control characters/);
    expect(stderr).not.toContain('\x1b');
    expect(stderr).not.toContain('\r');
  });
});

describe('accepted', () => {
  it('--help prints the usage on stdout and exits 0', async () => {
    const { code, stdout, stderr } = await run(['--help'], {});
    expect(code).toBe(0);
    expect(stdout).toContain('bounce-doctor probe');
    expect(stdout).toContain('--from');
    expect(stderr).toBe('');
  });

  it.each([
    ['--security STARTTLS, as --auth LOGIN is', ['--security', 'STARTTLS', '--auth', 'LOGIN']],
    ['a --ca-file in PEM', () => ['--ca-file', files.pem]],
    ['a --ca-file in DER', () => ['--ca-file', files.der]],
    ['the longest --timeout', ['--timeout', '600']],
    ['--from alone (RCPT TO the same address)', ['--from', 'support@example.com']],
  ] as const)('%s: the probe runs (here against a closed port)', async (_name, extra) => {
    const { code, stdout } = await run(target('--json', ...(typeof extra === 'function' ? extra() : extra)));
    expect(code).toBe(2);
    const result = JSON.parse(stdout) as ProbeResult;
    expect(result.outcome).toBe('connection-refused');
  });

  it('--from and --rcpt are the sender check, shown in the result', async () => {
    const { stdout } = await run(
      target('--json', '--from', 'support@example.com', '--rcpt', 'helpdesk@example.com'),
    );
    expect((JSON.parse(stdout) as ProbeResult).envelope).toEqual({
      from: 'support@example.com',
      to: 'helpdesk@example.com',
    });
  });
});
