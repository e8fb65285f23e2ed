// `npm run storm [-- --bounces N] [--concurrency C] [--rate R] [--seed S] [--json]`: a storm of bounces
// through the real bounce handler with local servers only (no AWS); prints the report (docs/operations.md,
// docs/benchmarks.md). Exit status 1 when a bounce was lost or ticketed twice.
import { parseArgs } from 'node:util';
import { runStorm, STORM_DEFAULTS } from './storm/run-storm.ts';
import { formatStormReport } from './storm/storm-report.ts';

const { values } = parseArgs({
  options: {
    bounces: { type: 'string' },
    concurrency: { type: 'string' },
    rate: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  },
});
const number = (value: string | undefined, fallback: number) =>
  value === undefined ? fallback : Number(value);
const report = await runStorm(
  {
    bounces: number(values.bounces, STORM_DEFAULTS.bounces),
    concurrency: number(values.concurrency, STORM_DEFAULTS.concurrency),
    ratePerSecond: number(values.rate, STORM_DEFAULTS.ratePerSecond),
    seed: number(values.seed, STORM_DEFAULTS.seed),
  },
  (line) => process.stderr.write(`${line}\n`),
);
console.log(values.json ? JSON.stringify(report) : formatStormReport(report));
const broken = report.lost > 0 || report.duplicates > 0 || (report.afterDrain?.duplicates ?? 0) > 0;
process.exit(broken ? 1 : 0);
