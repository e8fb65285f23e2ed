// `npm run eval` without the shared corpora says what it needs and exits non-zero.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const EVAL = join(import.meta.dirname, '..', '..', 'scripts', 'eval.ts');

describe('npm run eval', () => {
  it('names every missing corpus and scorer, and how to point at the shared folder', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', EVAL], {
      encoding: 'utf8',
      env: { ...process.env, BOUNCE_DOCTOR_SHARED: join(import.meta.dirname, 'no-such-shared-folder') },
    });
    expect(run.status).toBe(2);
    for (const needed of [
      'tools/score-corpus',
      'tools/score-peer-corpus',
      'corpus/sisimai/expectations-dev.json',
      'corpus/not-bounce/expectations.json',
      'corpus/flufl-bounce/expectations.json',
      'corpus/bounceparser/expectations.json',
    ]) {
      expect(run.stderr).toContain(needed);
    }
    expect(run.stderr).toContain('BOUNCE_DOCTOR_SHARED=');
    expect(run.stdout).toBe('');
  });
});
