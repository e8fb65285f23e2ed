// The `bounce-doctor diagnose` contract: one JSON line per file, exit codes, one bad file never stops a batch.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from './helpers/cli.ts';
import { FIXTURES } from './helpers/corpus.ts';
import { postfixBounce } from './helpers/synthetic.ts';

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function jsonLines(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('bounce-doctor diagnose --json', () => {
  it('prints one line per file with the contract fields, and exits 0', () => {
    const { code, stdout } = run(
      'diagnose',
      '--json',
      join(FIXTURES, 'sisimai', 'lhost-postfix-01.eml'),
      join(FIXTURES, 'not-bounce'),
    );
    expect(code).toBe(0);
    const lines = jsonLines(stdout);
    expect(lines.map((l) => String(l.file).split('/').at(-1))).toEqual([
      'lhost-postfix-01.eml',
      'is-not-bounce-01.eml',
      'is-not-bounce-02.eml',
      'rb-issue-368-bug.eml',
    ]);
    expect(lines[0]).toMatchObject({
      kind: 'bounce',
      isBounce: true,
      recipients: [{ address: 'r@p351355.pool.example.ne.jp', status: '5.1.1' }],
      diagnosis: {
        category: expect.any(String),
        summary: { ja: expect.any(String), en: expect.any(String) },
      },
    });
    expect(lines.slice(1).every((l) => l.isBounce === false && l.kind === 'not-bounce')).toBe(true);
  });

  it('reports the original subject and message id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bd-cli-'));
    writeFileSync(
      join(dir, 'a.eml'),
      postfixBounce({ words: '550 5.1.1 No such user', originalSubject: 'Invoice 42' }),
    );
    const [line] = jsonLines(run('diagnose', '--json', dir).stdout);
    expect(line?.original).toEqual({ subject: 'Invoice 42', messageId: '<order-1@example.jp>' });
  });

  it('gives a file that cannot be read its own line with "error", goes on, and exits 1', () => {
    const { code, stdout } = run(
      'diagnose',
      '--json',
      '/proc/self/mem',
      join(FIXTURES, 'sisimai', 'lhost-postfix-01.eml'),
    );
    expect(code).toBe(1);
    const lines = jsonLines(stdout);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ file: '/proc/self/mem', error: expect.any(String) });
    expect(lines[1]).toMatchObject({ isBounce: true });
  });

  it('prints counts by category, reason and domain on stderr with --summary', () => {
    const { stderr } = run(
      'diagnose',
      '--json',
      '--summary',
      join(FIXTURES, 'sisimai', 'lhost-postfix-01.eml'),
    );
    expect(stderr).toContain('by reason (recipients):');
    expect(stderr).toMatch(/1 +p351355\.pool\.example\.ne\.jp/);
  });
});

describe('bounce-doctor diagnose (human output)', () => {
  it('shows the diagnosis in the language asked for', () => {
    const file = join(FIXTURES, 'sisimai', 'lhost-postfix-01.eml');
    expect(run('diagnose', '--lang', 'ja', file).stdout).toContain('対処');
    expect(run('diagnose', '--lang', 'en', file).stdout).toContain('remedy');
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['diagnose']],
    [['diagnose', '--lang', 'fr', 'x.eml']],
    [['diagnose', '--bogus', 'x.eml']],
    [['frobnicate']],
    [['diagnose', '/no/such/file.eml']],
  ])('%j', (args) => {
    const { code, stderr } = run(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^bounce-doctor: /);
  });
});
