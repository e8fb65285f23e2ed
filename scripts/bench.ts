// `npm run bench`: decoding throughput of bounce-doctor and, in the same run on the same files, of
// Sisimai 4 (Debian: `sudo apt-get install libsisimai-perl`), through shared/tools/peers/sisimai-v4.
// Each side runs ROUNDS times over the corpus; the best round counts (module loading excluded).
// Then three generated hostile inputs, each decoded in a fresh process for its time and peak memory.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeMailbox } from '../lambda/core/decode.ts';

const ROUNDS = 5;
const shared = resolve(process.env.BOUNCE_DOCTOR_SHARED ?? join(import.meta.dirname, '..', '..', 'shared'));
const corpus = existsSync(join(shared, 'corpus', 'sisimai'))
  ? join(shared, 'corpus', 'sisimai')
  : join(import.meta.dirname, '..', 'test', 'fixtures', 'sisimai');
const peer = join(shared, 'tools', 'peers', 'sisimai-v4');

const names = readdirSync(corpus)
  .filter((f) => f.endsWith('.eml'))
  .sort();
const mails = names.map((name) => readFileSync(join(corpus, name)));
const megabytes = mails.reduce((n, m) => n + m.length, 0) / 1e6;
console.log(`corpus: ${corpus} (${mails.length} mails, ${megabytes.toFixed(1)} MB)`);

let best = 0;
let worst = { name: '', ms: 0 };
for (let round = 0; round < ROUNDS; round++) {
  const started = performance.now();
  for (const [i, mail] of mails.entries()) {
    const t = performance.now();
    await decodeMailbox(mail);
    const ms = performance.now() - t;
    if (round === ROUNDS - 1 && ms > worst.ms) worst = { name: names[i] ?? '', ms };
  }
  best = Math.max(best, mails.length / ((performance.now() - started) / 1000));
}
console.log(
  `bounce-doctor: ${best.toFixed(0)} mails/s (best of ${ROUNDS}); slowest mail ${worst.ms.toFixed(1)} ms (${worst.name})`,
);

const peerRate = sisimaiRate();
if (peerRate === undefined) {
  console.log('sisimai-v4: skipped — not installed (Debian: sudo apt-get install libsisimai-perl)');
} else {
  console.log(`sisimai-v4:    ${peerRate.toFixed(0)} mails/s (best of ${ROUNDS})`);
  console.log(`ratio:         bounce-doctor is ${(best / peerRate).toFixed(2)}x Sisimai 4`);
}

function sisimaiRate(): number | undefined {
  if (!existsSync(peer) || spawnSync('perl', ['-MSisimai', '-e', '1']).status !== 0) return undefined;
  let rate = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const run = spawnSync(peer, ['--timing', corpus], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const m = /\(([\d.]+) msgs\/s\)/.exec(run.stderr);
    if (m) rate = Math.max(rate, Number(m[1]));
  }
  return rate || undefined;
}

const ADVERSARIAL = [
  'bounce with a 30 MB base64 attachment',
  'bounce of 40 MB (the most SES delivers)',
  'bounce with a 1 MB single-line header',
  'DSN with 10,000 recipients',
];
console.log('hostile inputs (each in a fresh process; bounds: 2 s, 512 MB):');
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
