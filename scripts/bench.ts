// `npm run bench` (builds dist/ first): the speed of the compiled package beside Sisimai 4 (Debian:
// `sudo apt-get install libsisimai-perl`, run through shared/tools/peers/sisimai-v4), all in one run.
// 1. The decoder loop: each side decodes the corpus ROUNDS times in one process; the best round
//    counts (module loading and the JIT's warm-up excluded: each side's steady state).
// 2. Whole processes, as a user waits for them: `--help`, `diagnose` of one mail, and `diagnose --json`
//    over the corpus ten times (4,060 mails), beside the Sisimai runner on the same files.
// 3. Generated hostile inputs, each decoded in a fresh process for its time and peak memory.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Library from '../lambda/core/index.ts';
import { type Command, folderOf, median, repeatedCorpus, timeInTurns } from './bench-processes.ts';

const ROUNDS = 10;
const PROCESS_ROUNDS = 10;
const CORPUS_ROUNDS = 5;
const COPIES = 10;
const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist', 'bounce-doctor.js');
const shared = resolve(process.env.BOUNCE_DOCTOR_SHARED ?? join(root, '..', 'shared'));
const corpus = existsSync(join(shared, 'corpus', 'sisimai'))
  ? join(shared, 'corpus', 'sisimai')
  : join(root, 'test', 'fixtures', 'sisimai');
const peer = join(shared, 'tools', 'peers', 'sisimai-v4');
const sample = {
  file: join(root, 'examples', 'bounces', 'lhost-postfix-04.eml'),
  name: 'lhost-postfix-04.eml',
};

if (!existsSync(cli)) {
  console.error('bench: dist/ is missing: run `npm run build` (npm run bench does it first)');
  process.exit(2);
}
// The compiled library, as a user imports it; typed by its source.
const { decodeMailbox } = (await import(
  pathToFileURL(join(root, 'dist', 'index.js')).href
)) as typeof Library;
const peerInstalled = existsSync(peer) && spawnSync('perl', ['-MSisimai', '-e', '1']).status === 0;

const names = readdirSync(corpus)
  .filter((f) => f.endsWith('.eml'))
  .sort();
const mails = names.map((name) => readFileSync(join(corpus, name)));
const megabytes = mails.reduce((n, m) => n + m.length, 0) / 1e6;
console.log(`corpus: ${corpus} (${mails.length} mails, ${megabytes.toFixed(1)} MB)`);
// On a shared machine every figure moves with the load: say what it was.
const load = () =>
  `load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')} on ${availableParallelism()} CPUs`;
console.log(load());
if (!peerInstalled) console.log('sisimai-v4: not installed (Debian: sudo apt-get install libsisimai-perl)');

console.log(
  `\ndecoder loop (best of ${ROUNDS} rounds over the corpus in one process; loading and warm-up excluded)`,
);
const loop = await decoderRate();
console.log(
  `  bounce-doctor ${loop.rate.toFixed(0).padStart(6)} mails/s; slowest mail ${loop.worst.ms.toFixed(1)} ms (${loop.worst.name})`,
);
const peerRate = peerInstalled ? sisimaiRate() : undefined;
if (peerRate !== undefined) {
  console.log(`  sisimai-v4    ${peerRate.toFixed(0).padStart(6)} mails/s`);
  console.log(`  ratio         ${(loop.rate / peerRate).toFixed(2)}x Sisimai 4 (goal: at least 5x)`);
}

wholeProcesses();
console.log(`  ${load()}`);

async function decoderRate(): Promise<{ rate: number; worst: { name: string; ms: number } }> {
  let rate = 0;
  let worst = { name: '', ms: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    for (const [i, mail] of mails.entries()) {
      const t = performance.now();
      await decodeMailbox(mail);
      const ms = performance.now() - t;
      if (round === ROUNDS - 1 && ms > worst.ms) worst = { name: names[i] ?? '', ms };
    }
    rate = Math.max(rate, mails.length / ((performance.now() - started) / 1000));
  }
  return { rate, worst };
}

function sisimaiRate(): number | undefined {
  let rate = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const run = spawnSync(peer, ['--timing', corpus], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const m = /\(([\d.]+) msgs\/s\)/.exec(run.stderr);
    if (m) rate = Math.max(rate, Number(m[1]));
  }
  return rate || undefined;
}

function wholeProcesses(): void {
  const node = (...args: string[]): Command => ({ file: process.execPath, args: [cli, ...args] });
  const sisimai = (folder: string): Command => ({ file: peer, args: [folder] });
  const one = folderOf(sample.file, sample.name);
  const many = repeatedCorpus(corpus, names, COPIES);
  const count = names.length * COPIES;
  try {
    console.log('\nwhole process (wall clock from start to exit, output to /dev/null; the sides take turns)');
    const [bare = [], help = []] = timeInTurns(
      [{ file: process.execPath, args: ['-e', ''] }, node('--help')],
      PROCESS_ROUNDS,
    );
    row(`node -e '' (Node.js's own start; median of ${PROCESS_ROUNDS})`, median(bare));
    row(`bounce-doctor --help (median of ${PROCESS_ROUNDS})`, median(help));
    const single = timeInTurns(
      peerInstalled ? [node('diagnose', sample.file), sisimai(one)] : [node('diagnose', sample.file)],
      PROCESS_ROUNDS,
    );
    row(
      `bounce-doctor diagnose, one mail (median of ${PROCESS_ROUNDS})`,
      median(single[0] ?? []),
      single[1] && median(single[1]),
    );
    console.log('  goal: --help and one mail well under 0.3 s');
    const batch = timeInTurns(
      peerInstalled ? [node('diagnose', '--json', many), sisimai(many)] : [node('diagnose', '--json', many)],
      CORPUS_ROUNDS,
    );
    const ours = Math.min(...(batch[0] ?? []));
    const theirs = batch[1] && Math.min(...batch[1]);
    row(
      `bounce-doctor diagnose --json, ${count.toLocaleString('en')} mails (best of ${CORPUS_ROUNDS})`,
      ours,
      theirs,
    );
    if (theirs)
      console.log(
        `  ratio ${(theirs / ours).toFixed(2)}x Sisimai 4 over ${count} mails (goal: at least 2.5x)`,
      );
  } finally {
    rmSync(one, { recursive: true, force: true });
    rmSync(many, { recursive: true, force: true });
  }
}

function row(what: string, ms: number, peerMs?: number): void {
  const theirs = peerMs === undefined ? '' : `   sisimai-v4 ${seconds(peerMs)}`;
  console.log(`  ${what.padEnd(52)} ${seconds(ms)}${theirs}`);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

const ADVERSARIAL = [
  'bounce with a 30 MB base64 attachment',
  'bounce of 40 MB (the most SES delivers)',
  'bounce with a 1 MB single-line header',
  'DSN with 10,000 recipients',
];
console.log('\nhostile inputs (each in a fresh process; bounds: 2 s, 512 MB):');
for (const name of ADVERSARIAL) {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'bench-adversarial.ts'), name],
    {
      encoding: 'utf8',
    },
  );
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  try {
    const r = JSON.parse(line) as {
      megabytes: number;
      ms: number;
      peakRssMb: number;
      kind: string;
      recipients: number;
    };
    console.log(
      `  ${name.padEnd(40)} ${r.megabytes.toFixed(1).padStart(5)} MB in, ${r.ms.toFixed(0).padStart(5)} ms, peak RSS ${r.peakRssMb.toFixed(0)} MB (${r.kind}, ${r.recipients} recipients)`,
    );
  } catch {
    console.log(`  ${name}: failed: ${child.stderr.trim().split('\n').at(-1)}`);
  }
}
