// The 40 MB limit: the largest mail SES delivers, written to a file, then decoded in a fresh process
// (decode-file.ts) for its time and peak memory.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bounceAtSesLimit } from '../adversarial.ts';
import { ROOT } from './bundle.ts';

export interface DecodeLimit {
  bytes: number;
  ms: number;
  rssBeforeMb: number;
  peakRssMb: number;
  kind: string;
  recipients: number;
  originalBytes: number;
}

export interface HandlerLimit {
  bytes: number;
  ms: number;
  rssBeforeMb: number;
  peakRssMb: number;
  action: string;
}

/** Writes the largest mail SES delivers to `outdir`; answers its path. */
export function writeFortyMegabytes(outdir: string): string {
  mkdirSync(outdir, { recursive: true });
  const file = join(outdir, 'bounce-40mb.eml');
  writeFileSync(file, bounceAtSesLimit());
  return file;
}

export function measureFortyMegabytes(outdir: string): DecodeLimit {
  return inFreshProcess<DecodeLimit>('decode-file.ts', writeFortyMegabytes(outdir));
}

/** The whole handler on the 40 MB mail: S3 read, decode, original stored, ticket posted. */
export function measureHandlerFortyMegabytes(outdir: string): HandlerLimit {
  return inFreshProcess<HandlerLimit>('handler-file.ts', writeFortyMegabytes(outdir));
}

function inFreshProcess<T>(script: string, file: string): T {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'scripts', 'limits', script), file],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) throw new Error(`${script} failed: ${child.stderr.trim().split('\n').at(-1)}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as T;
}
