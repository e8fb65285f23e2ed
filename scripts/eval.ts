// `npm run eval`: the CLI over the DEV corpus and the not-bounce set, scored by shared/tools/score-corpus.
// BOUNCE_DOCTOR_SHARED overrides where the shared folder is (default ../shared beside the repository).
// `npm run eval -- --peers` also scores the installed peer parsers (shared/tools/peers) on the DEV
// corpus and prints them side by side with bounce-doctor.
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
const scores = new Map<string, string>();
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
  const report = execFileSync(scorer, ['--expect', join(set.dir, set.expect), '--results', results], {
    encoding: 'utf8',
  });
  scores.set(set.name, report);
  process.stdout.write(`${report}\n`);
}

if (process.argv.includes('--peers')) comparePeers();

/** Scores every installed peer on the DEV corpus and prints the headline figures side by side. */
function comparePeers(): void {
  const [dev] = sets;
  if (!dev) return;
  const columns = new Map<string, string>([['bounce-doctor', scores.get(dev.name) ?? '']]);
  for (const peer of ['sisimai-v4', 'bounceparser', 'flufl-bounce']) {
    const run = spawnSync(join(shared, 'tools', 'peers', peer), [dev.dir], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0 || !run.stdout.trim()) {
      columns.set(peer, '');
      continue;
    }
    const results = join(outDir, `peer-${peer}.jsonl`);
    writeFileSync(results, run.stdout);
    columns.set(
      peer,
      execFileSync(scorer, ['--expect', join(dev.dir, dev.expect), '--results', results], {
        encoding: 'utf8',
      }),
    );
  }
  const rows = [
    'recipient coverage',
    'reason agreement',
    'status agreement',
    'replyCode agreement',
    'hardBounce agreement',
  ];
  process.stdout.write(
    `\n== side by side on ${dev.dir}\n${'parser'.padEnd(16)}${rows.map((r) => r.split(' ')[0]?.padStart(12)).join('')}\n`,
  );
  for (const [name, report] of columns) {
    const cells = rows.map((row) => {
      if (!report) return 'absent'.padStart(12);
      const m = new RegExp(`^${row}\\s+\\S+\\s+(\\S+)`, 'm').exec(report);
      return (m?.[1] ?? '-').padStart(12);
    });
    process.stdout.write(`${name.padEnd(16)}${cells.join('')}\n`);
  }
  process.stdout.write(
    '(a peer that is not installed shows "absent"; flufl.bounce reports addresses only)\n',
  );
}
