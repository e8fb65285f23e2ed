// `npm run eval`: the CLI over the three development corpora of the shared folder, scored by its
// scorers, side by side with the peer parsers that are installed (Sisimai 4, BounceParser,
// flufl.bounce through shared/tools/peers). The Sisimai set and the not-bounce set are scored by
// shared/tools/score-corpus; the flufl-bounce and bounceparser sets by shared/tools/score-peer-corpus,
// which names each decoder after its results file (.eval/<set>/bounce-doctor.jsonl, <peer>.jsonl).
// BOUNCE_DOCTOR_SHARED names the shared folder (default: ../shared beside the repository).
// Options: --no-peers (bounce-doctor alone), --misses (list bounce-doctor's misses on the peer sets).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = join(import.meta.dirname, '..');
const shared = resolve(process.env.BOUNCE_DOCTOR_SHARED ?? join(root, '..', 'shared'));
const tools = join(shared, 'tools');
const outDir = join(root, '.eval');
const PEERS = ['sisimai-v4', 'bounceparser', 'flufl-bounce'] as const;
const withPeers = !process.argv.includes('--no-peers');
const withMisses = process.argv.includes('--misses');

interface CorpusSet {
  name: string;
  expectations: string;
  scorer: 'score-corpus' | 'score-peer-corpus';
}

const SETS: readonly CorpusSet[] = [
  { name: 'sisimai', expectations: 'expectations-dev.json', scorer: 'score-corpus' },
  { name: 'not-bounce', expectations: 'expectations.json', scorer: 'score-corpus' },
  { name: 'flufl-bounce', expectations: 'expectations.json', scorer: 'score-peer-corpus' },
  { name: 'bounceparser', expectations: 'expectations.json', scorer: 'score-peer-corpus' },
];
const corpusDir = (set: CorpusSet) => join(shared, 'corpus', set.name);

requireShared();
const installedPeers = withPeers ? PEERS.filter((peer) => existsSync(join(tools, 'peers', peer))) : [];
const headlines = new Map<string, Map<string, string>>();
for (const set of SETS) {
  const dir = join(outDir, set.name);
  mkdirSync(dir, { recursive: true });
  const results = new Map<string, string>([['bounce-doctor', runCli(set, dir)]]);
  for (const peer of installedPeers) {
    const file = runPeer(peer, set, dir);
    if (file) results.set(peer, file);
  }
  process.stdout.write(`\n== ${set.name}: ${corpusDir(set)} (results in ${dir})\n`);
  if (set.scorer === 'score-corpus') scoreSisimaiStyle(set, results);
  else scorePeerStyle(set, results);
}
printHeadlines();

/** Exits with what is missing when the shared folder does not hold the corpora and scorers. */
function requireShared(): void {
  const needed = [
    join(tools, 'score-corpus'),
    join(tools, 'score-peer-corpus'),
    ...SETS.map((set) => join(corpusDir(set), set.expectations)),
  ];
  const missing = needed.filter((path) => !existsSync(path));
  if (missing.length === 0) return;
  process.stderr.write(
    [
      `eval: the development corpora and their scorers are needed, and these are missing:`,
      ...missing.map((path) => `  ${path}`),
      'Put the shared folder (corpus/sisimai, corpus/not-bounce, corpus/flufl-bounce, corpus/bounceparser,',
      'tools/score-corpus, tools/score-peer-corpus) beside the repository as ../shared, or name it:',
      '  BOUNCE_DOCTOR_SHARED=/path/to/shared npm run eval',
      '',
    ].join('\n'),
  );
  process.exit(2);
}

/** bounce-doctor's JSON lines for a set, written as <dir>/bounce-doctor.jsonl. */
function runCli(set: CorpusSet, dir: string): string {
  const cli = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'bin', 'bounce-doctor.ts'), 'diagnose', '--json', corpusDir(set)],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  if (cli.status === 2 || cli.error) {
    process.stderr.write(`eval: the CLI failed on ${corpusDir(set)}: ${cli.stderr || cli.error?.message}\n`);
    process.exit(2);
  }
  const file = join(dir, 'bounce-doctor.jsonl');
  writeFileSync(file, cli.stdout);
  return file;
}

/** A peer's JSON lines for a set, or undefined when the peer does not run (its package is not installed). */
function runPeer(peer: string, set: CorpusSet, dir: string): string | undefined {
  const run = spawnSync(join(tools, 'peers', peer), [corpusDir(set)], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0 || !run.stdout.trim()) {
    process.stdout.write(`(${peer} did not run on ${set.name}: ${firstLine(run.stderr) || 'no output'})\n`);
    return undefined;
  }
  const file = join(dir, `${peer}.jsonl`);
  writeFileSync(file, run.stdout);
  return file;
}

/** score-corpus for bounce-doctor in full; each decoder's headline figures kept for the summary. */
function scoreSisimaiStyle(set: CorpusSet, results: ReadonlyMap<string, string>): void {
  const rows = ['bounce detection', 'recipient coverage', 'reason agreement', 'status agreement'];
  const figures = new Map<string, string>();
  for (const [decoder, file] of results) {
    const report = execFileSync(
      join(tools, 'score-corpus'),
      ['--expect', join(corpusDir(set), set.expectations), '--results', file],
      { encoding: 'utf8' },
    );
    if (decoder === 'bounce-doctor') process.stdout.write(`${report}\n`);
    const cells = rows.map((row) => {
      const m = new RegExp(`^${row}\\s+(\\S+)\\s+(\\S+)`, 'm').exec(report);
      return m ? `${row.split(' ')[0]} ${m[2]} (${m[1]})` : `${row.split(' ')[0]} -`;
    });
    figures.set(decoder, set.name === 'not-bounce' ? (cells[0] ?? '') : cells.join(', '));
  }
  headlines.set(set.name, figures);
}

/** score-peer-corpus over all decoders at once: its table puts them side by side. */
function scorePeerStyle(set: CorpusSet, results: ReadonlyMap<string, string>): void {
  const args = [corpusDir(set), ...results.values(), ...(withMisses ? ['--misses', 'bounce-doctor'] : [])];
  process.stdout.write(execFileSync(join(tools, 'score-peer-corpus'), args, { encoding: 'utf8' }));
  const numbers = JSON.parse(
    execFileSync(join(tools, 'score-peer-corpus'), [corpusDir(set), ...results.values(), '--json'], {
      encoding: 'utf8',
    }),
  ) as PeerScore[];
  headlines.set(set.name, new Map(numbers.map((s) => [s.decoder, peerHeadline(set, s)])));
}

interface PeerScore {
  decoder: string;
  a: { files: number; tp: number; reported: number; expected: number };
  b: { files: number; right: number };
  c: { asked: number; right: number };
  d: { reply: number; replyRight: number };
  t: { files: number; allReported: number; withAddress: number; kindDelay: number; hasKind: boolean };
}

function peerHeadline(set: CorpusSet, s: PeerScore): string {
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
  if (set.name === 'flufl-bounce') {
    const delay = `delay ${s.t.allReported}/${s.t.withAddress}${s.t.hasKind ? `, kind=delay ${s.t.kindDelay}/${s.t.files}` : ''}`;
    return `recall ${pct(s.a.tp, s.a.expected)}, precision ${pct(s.a.tp, s.a.reported)}, ${delay}`;
  }
  return `bounce-or-not ${pct(s.b.right, s.b.files)}, reason class ${pct(s.c.right, s.c.asked)}, reply codes ${s.d.replyRight}/${s.d.reply}`;
}

function printHeadlines(): void {
  process.stdout.write(
    '\n== summary (each decoder on the same mails; a peer that is not installed is absent)\n',
  );
  for (const [set, figures] of headlines) {
    process.stdout.write(`${set}\n`);
    for (const [decoder, line] of figures) process.stdout.write(`  ${decoder.padEnd(14)} ${line}\n`);
  }
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}
