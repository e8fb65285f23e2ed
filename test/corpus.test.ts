// The one engine test over the whole DEV corpus: every mail decodes, and agreement with the expected
// results stays above the bars the issues set. `npm run eval` prints the full breakdown.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BounceReport } from '../lambda/core/types.ts';
import { decodeFixture, loadExpectations, mailFiles, type Score, score } from './helpers/corpus.ts';

/** Agreement the decoder must keep on the DEV corpus (fractions of expected recipients). */
const BARS = { reason: 0.98, status: 0.98, hardBounce: 0.99, coverage: 1 };

describe('the DEV corpus', () => {
  const reports = new Map<string, BounceReport>();
  let result: Score;

  beforeAll(async () => {
    for (const file of mailFiles('sisimai')) reports.set(file, await decodeFixture('sisimai', file));
    result = score(loadExpectations('sisimai'), reports);
  });

  it('decodes every mail with an expectation as a bounce', () => {
    const missed = loadExpectations('sisimai').filter((e) => reports.get(e.file)?.kind === 'not-bounce');
    expect(missed.map((e) => e.file)).toEqual([]);
  });

  it(`covers at least ${BARS.coverage * 100}% of the expected recipients`, () => {
    expect(result.covered / result.recipients).toBeGreaterThanOrEqual(BARS.coverage);
  });

  it.each(['reason', 'status', 'hardBounce'] as const)('agrees on %s for enough recipients', (field) => {
    const share = result.agree[field] / result.recipients;
    expect(share, field === 'reason' ? result.mismatches.join('\n') : undefined).toBeGreaterThanOrEqual(
      BARS[field],
    );
  });
});

describe('the not-bounce set', () => {
  it.each(mailFiles('not-bounce'))('%s is not reported as a bounce', async (file) => {
    const report = await decodeFixture('not-bounce', file);
    expect(report.kind).toBe('not-bounce');
    expect(report.recipients).toEqual([]);
  });
});
