// Loads the corpus fixtures copied from shared/corpus (BSD 2-Clause; LICENSE beside them) and scores
// bounce-doctor on them the way shared/tools/score-corpus does.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeMailbox } from '../../lambda/core/decode.ts';
import { combineReports } from '../../lambda/core/file-result.ts';
import type { BounceReport } from '../../lambda/core/types.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export interface ExpectedRecipient {
  index: number;
  status: string;
  replyCode: string;
  reason: string;
  hardBounce: boolean;
}

export interface Expectation {
  file: string;
  isBounce?: boolean;
  recipients: ExpectedRecipient[];
}

export function loadExpectations(set: 'sisimai' | 'not-bounce'): Expectation[] {
  const name = set === 'sisimai' ? 'expectations-dev.json' : 'expectations.json';
  return JSON.parse(readFileSync(join(FIXTURES, set, name), 'utf8')) as Expectation[];
}

export function mailFiles(set: 'sisimai' | 'not-bounce'): string[] {
  return readdirSync(join(FIXTURES, set))
    .filter((f) => f.endsWith('.eml'))
    .sort();
}

export async function decodeFixture(set: string, file: string): Promise<BounceReport> {
  return combineReports(await decodeMailbox(readFileSync(join(FIXTURES, set, file))));
}

export interface Score {
  recipients: number;
  covered: number;
  agree: Record<'reason' | 'status' | 'replyCode' | 'hardBounce', number>;
  mismatches: string[];
}

/** Pairs expected and reported recipients by position, as score-corpus does. */
export function score(
  expectations: readonly Expectation[],
  reports: ReadonlyMap<string, BounceReport>,
): Score {
  const s: Score = {
    recipients: 0,
    covered: 0,
    agree: { reason: 0, status: 0, replyCode: 0, hardBounce: 0 },
    mismatches: [],
  };
  for (const e of expectations) {
    const got = reports.get(e.file)?.recipients ?? [];
    for (const want of e.recipients) {
      s.recipients++;
      const r = got[want.index - 1];
      if (!r) {
        s.mismatches.push(`${e.file}#${want.index}: missing`);
        continue;
      }
      s.covered++;
      for (const field of ['reason', 'status', 'replyCode', 'hardBounce'] as const) {
        if (r[field] === want[field]) s.agree[field]++;
        else if (field === 'reason')
          s.mismatches.push(`${e.file}#${want.index}: ${want.reason} -> ${r.reason}`);
      }
    }
  }
  return s;
}
