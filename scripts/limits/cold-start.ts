// Cold start of the bundled bounce handler: each run is a fresh Node process that imports the bundle
// (its module code runs, the configuration is checked, the SDK clients are made) and reports how long
// the import took, and the whole process from spawn to exit. The configuration is a valid one; nothing is
// called (Lambda's init phase does not call the handler either).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BounceEnv } from '../../lambda/contracts/bounce-variables.ts';
import { ROOT } from './bundle.ts';

export interface ColdStart {
  runs: number;
  importMs: { median: number; max: number };
  processMs: { median: number; max: number };
  /** The same probe importing only the external @aws-sdk packages the bundle requires. */
  sdkOnlyImportMs: { median: number; max: number };
}

/** A valid configuration, its names checked against the contract's (BounceEnv). */
const ENV: BounceEnv & { AWS_REGION: string } = {
  AWS_REGION: 'us-east-1',
  BUCKET_NAME: 'bounce-mail',
  IDEMPOTENCY_TABLE: 'bounce-idempotency',
  TICKET_API_URL: 'https://tickets.example.jp/api/tickets',
  TICKET_TOKEN_SECRET_ID: 'bounce-doctor/ticket-token',
  LINK_KEY_SECRET_ID: 'bounce-doctor/link-key',
  VIEWER_BASE_URL: 'https://viewer.example.jp',
  TRUSTED_MESSAGE_ID_DOMAINS: 'example.jp',
  VERP_KEY_SECRET_ID: 'bounce-doctor/verp-key',
};

const PROBE = `
const started = performance.now();
const mod = await import(process.argv[1]);
const importMs = performance.now() - started;
if (typeof (mod.handler ?? mod.default?.handler) !== 'function') throw new Error('no handler exported');
console.log(JSON.stringify({ importMs }));
`;

const SDK_PROBE = `
const started = performance.now();
await Promise.all(process.argv.slice(1).map((name) => import(name)));
console.log(JSON.stringify({ importMs: performance.now() - started }));
`;

export function measureColdStart(bundleFile: string, runs = 10): ColdStart {
  const imports: number[] = [];
  const processes: number[] = [];
  const sdkOnly: number[] = [];
  const code = readFileSync(join(ROOT, bundleFile), 'utf8');
  const sdkPackages = [...new Set(code.match(/@aws-sdk\/[a-z0-9-]+/g))];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    imports.push(probe(PROBE, [pathToFileURL(join(ROOT, bundleFile)).href]));
    processes.push(performance.now() - started);
    sdkOnly.push(probe(SDK_PROBE, sdkPackages));
  }
  return { runs, importMs: stats(imports), processMs: stats(processes), sdkOnlyImportMs: stats(sdkOnly) };
}

/** Runs `code` in a fresh Node process; answers the importMs it printed. */
function probe(code: string, args: string[]): number {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...ENV },
  });
  if (child.status !== 0) throw new Error(`the probe failed: ${child.stderr.trim().split('\n').at(-1)}`);
  return (JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as { importMs: number }).importMs;
}

function stats(values: number[]): { median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0 };
}
