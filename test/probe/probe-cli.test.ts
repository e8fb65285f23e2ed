// `bounce-doctor probe` spawned for real against smtp-server on loopback: the JSON result, the human
// report, the exit codes, and the password kept off the command line and out of the output.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../lambda/core/probe/types.ts';
import { makeTestCertificates } from '../helpers/certificates.ts';
import { CLI } from '../helpers/cli.ts';
import { PASSWORD, type Running, startSmtp, USER } from '../helpers/smtp-servers.ts';

let server: Running;
let expiring: Running;
let caFile: string;

beforeAll(async () => {
  const certs = await makeTestCertificates();
  caFile = join(mkdtempSync(join(tmpdir(), 'bd-probe-')), 'ca.pem');
  writeFileSync(caFile, certs.ca);
  [server, expiring] = await Promise.all([
    startSmtp({ ...certs.valid }),
    startSmtp({ secure: true, ...certs.expiringIn5Days }),
  ]);
});

afterAll(async () => {
  await Promise.all([server?.close(), expiring?.close()]);
});

/** Spawns the CLI without blocking this process, which serves the SMTP side. */
/** `password` null: no SMTP_PASSWORD at all. */
function run(args: string[], password: string | null = PASSWORD) {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C' };
  if (password === null) delete env.SMTP_PASSWORD;
  else env.SMTP_PASSWORD = password;
  const child = spawn(process.execPath, [CLI, 'probe', ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

const target = (port: number, security = 'starttls') => [
  '--host',
  'localhost',
  '--port',
  String(port),
  '--security',
  security,
  '--user',
  USER,
  '--ca-file',
  caFile,
];

describe('bounce-doctor probe', () => {
  it('--json prints the result object and exits 0 when the login works', async () => {
    const { code, stdout } = await run(['--json', ...target(server.port)]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as ProbeResult;
    expect(result).toMatchObject({
      host: 'localhost',
      port: server.port,
      security: 'starttls',
      outcome: 'ok',
    });
    expect(Object.keys(result.timings)).toEqual([
      'dns',
      'connect',
      'greeting',
      'ehlo',
      'starttls',
      'auth',
      'quit',
    ]);
  });

  it('with a wrong password: auth-failed with the 535 text and the remedy, exit 2, the password nowhere', async () => {
    const { code, stdout, stderr } = await run(['--json', ...target(server.port)], 'an-old-password');
    expect(code).toBe(2);
    const result = JSON.parse(stdout) as ProbeResult;
    expect(result).toMatchObject({
      outcome: 'auth-failed',
      variant: 'bad-credentials',
      severity: 'failure',
      replyCode: 535,
      enhancedCode: '5.7.8',
      replyText: 'Error: authentication failed',
      failedCommand: 'AUTH PLAIN',
    });
    expect(result.diagnosis.remedy.ja).toContain('パスワード');
    expect(`${stdout}${stderr}`).not.toContain('an-old-password');
  });

  it('prints a report for people in the language asked, and exits 1 on a warning', async () => {
    const { code, stdout } = await run(['--lang', 'ja', ...target(expiring.port, 'tls')]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^WARNING\n/);
    expect(stdout).toContain('結果: certificate-expiring');
    expect(stdout).toContain('あと 5 日で期限切れ');
    expect(stdout).toMatch(/所要時間: dns \d+ ms, connect \d+ ms, tls \d+ ms/);
  });

  it.concurrent.for([
    ['no SMTP_PASSWORD', () => target(1), null, /SMTP_PASSWORD/],
    [
      'a security that does not exist',
      () => target(1, 'ssl'),
      PASSWORD,
      /--security: must be one of tls, starttls, none/,
    ],
    ['no --host', () => ['--user', USER], PASSWORD, /--host: is required/],
    ['a password option', () => [...target(1), '--password', 'x'], PASSWORD, /unknown option '--password'/i],
  ] as const)('exits 3 with the usage on %s', async ([_name, args, password, message], { expect }) => {
    const { code, stderr } = await run(args(), password);
    expect(code).toBe(3);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage:');
  });
});
