// `npm run eval`: the CLI over the DEV corpus and the not-bounce set, scored by shared/tools/score-corpus.
// BOUNCE_DOCTOR_SHARED overrides where the shared folder is (default ../shared beside the repository).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const shared = resolve(process.env.BOUNCE_DOCTOR_SHARED ?? join(import.meta.dirname, '..', '..', 'shared'));
const scorer = join(shared, 'tools', 'score-corpus');
const outDir = join(import.meta.dirname, '..', '.eval');
const sets = [
  { name: 'sisimai (DEV)', dir: join(shared, 'corpus', 'sisimai'), expect: 'expectations-dev.json' },
  { name: 'not-bounce', dir: join(shared, 'corpus', 'not-bounce'), expect: 'expectations.json' },
];

if (!existsSync(scorer)) {
  process.stderr.write(
    `eval: the shared corpus and scorer are not at ${shared} (set BOUNCE_DOCTOR_SHARED)\n`,
  );
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
for (const set of sets) {
  const cli = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(import.meta.dirname, '..', 'bin', 'bounce-doctor.ts'),
      'diagnose',
      '--json',
      set.dir,
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  if (cli.status === 2 || cli.error) {
    process.stderr.write(`eval: the CLI failed on ${set.dir}: ${cli.stderr || cli.error?.message}\n`);
    process.exit(2);
  }
  const results = join(outDir, `${set.name.split(' ')[0]}.jsonl`);
  writeFileSync(results, cli.stdout);
  process.stdout.write(`\n== ${set.name}: ${set.dir} (results in ${results})\n`);
  process.stdout.write(
    execFileSync(scorer, ['--expect', join(set.dir, set.expect), '--results', results], { encoding: 'utf8' }),
  );
  process.stdout.write('\n');
}
