// `npm run mta-lab:score [-- --misses] [DIR]`: decodes the lab's bounces (default the committed
// fixtures) and prints agreement with expectations.json: reason, status and recipient, per MTA and
// per reason. Needs no root: it reads files only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeMailbox } from '../../lambda/core/decode.ts';
import { combineReports } from '../../lambda/core/file-result.ts';
import { FIXTURES, type LabExpectation } from './fixtures.ts';

export interface LabResult {
  expectation: LabExpectation;
  reason: string;
  status: string;
  recipientFound: boolean;
}

export async function scoreLab(dir = FIXTURES): Promise<LabResult[]> {
  const expectations = JSON.parse(readFileSync(join(dir, 'expectations.json'), 'utf8')) as LabExpectation[];
  const results: LabResult[] = [];
  for (const expectation of expectations) {
    const report = combineReports(await decodeMailbox(readFileSync(join(dir, expectation.file))));
    const found = report.recipients.find((r) => r.address === expectation.recipient);
    results.push({
      expectation,
      reason: found?.reason ?? report.recipients[0]?.reason ?? `(${report.kind})`,
      status: found?.status ?? '',
      recipientFound: found !== undefined && report.kind !== 'not-bounce',
    });
  }
  return results;
}

interface Tally {
  n: number;
  reason: number;
  statusScored: number;
  status: number;
  recipient: number;
}

function tally(results: readonly LabResult[]): Tally {
  const scored = results.filter((r) => r.expectation.status);
  return {
    n: results.length,
    reason: results.filter((r) => r.reason === r.expectation.reason).length,
    statusScored: scored.length,
    status: scored.filter((r) => r.status === r.expectation.status).length,
    recipient: results.filter((r) => r.recipientFound).length,
  };
}

const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}%`);

function row(name: string, t: Tally): string {
  return `| ${name.padEnd(16)} | ${String(t.n).padStart(5)} | ${pct(t.reason, t.n).padStart(6)} | ${pct(t.status, t.statusScored).padStart(6)} (${t.statusScored}) | ${pct(t.recipient, t.n).padStart(6)} |`;
}

function groupBy(results: readonly LabResult[], key: (r: LabResult) => string): Map<string, LabResult[]> {
  const groups = new Map<string, LabResult[]>();
  for (const r of results) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

async function main(): Promise<void> {
  const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? FIXTURES;
  const results = await scoreLab(dir);
  const header =
    '| group            | mails | reason | status (scored) | recipient |\n| --- | --- | --- | --- | --- |';
  const lines = [header, row('all', tally(results))];
  for (const [mta, group] of groupBy(results, (r) => r.expectation.mta)) lines.push(row(mta, tally(group)));
  lines.push('', header);
  for (const [reason, group] of groupBy(results, (r) => r.expectation.reason))
    lines.push(row(reason, tally(group)));
  process.stdout.write(`${lines.join('\n')}\n`);
  if (process.argv.includes('--misses')) {
    for (const r of results.filter((x) => x.reason !== x.expectation.reason || !x.recipientFound)) {
      const e = r.expectation;
      process.stdout.write(
        `${e.file} ${e.stage} want ${e.reason} got ${r.reason}${r.recipientFound ? '' : ' (recipient missed)'} | ${e.reply ?? e.fault}\n`,
      );
    }
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) await main();
