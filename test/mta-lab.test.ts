// Bounces written by real MTAs (Postfix, Exim, OpenSMTPD, Sendmail, Courier) from real servers'
// replies: the fixtures `npm run mta-lab` collected (test/fixtures/mta-lab, README.md there). Every
// recipient must be found, and the reason must agree with what a careful reader of the bounce says.
import { beforeAll, describe, expect, it } from 'vitest';
import { MTAS } from '../scripts/mta-lab/cases.ts';
import { type LabResult, scoreLab } from '../scripts/mta-lab/score.ts';

/** Reason agreement the decoder must keep, over all the lab's bounces and for each MTA's. */
const REASON_BAR = { all: 0.994, perMta: 0.98 };

describe('the real-MTA bounce lab', () => {
  let results: LabResult[] = [];

  beforeAll(async () => {
    results = await scoreLab();
  });

  const misses = (of: readonly LabResult[]) =>
    of
      .filter((r) => r.reason !== r.expectation.reason)
      .map(
        (r) =>
          `${r.expectation.file}: ${r.expectation.reason} -> ${r.reason} | ${r.expectation.reply ?? r.expectation.fault}`,
      )
      .join('\n');

  it('holds bounces of every MTA', () => {
    for (const mta of MTAS)
      expect(results.filter((r) => r.expectation.mta === mta).length).toBeGreaterThan(100);
  });

  it('finds the recipient of every bounce', () => {
    expect(results.filter((r) => !r.recipientFound).map((r) => r.expectation.file)).toEqual([]);
  });

  it(`agrees on the reason for at least ${REASON_BAR.all * 100}% of the bounces`, () => {
    const agreed = results.filter((r) => r.reason === r.expectation.reason).length;
    expect(agreed / results.length, misses(results)).toBeGreaterThanOrEqual(REASON_BAR.all);
  });

  it.each(MTAS)(`agrees on the reason for at least ${REASON_BAR.perMta * 100}% of %s's bounces`, (mta) => {
    const own = results.filter((r) => r.expectation.mta === mta);
    const agreed = own.filter((r) => r.reason === r.expectation.reason).length;
    expect(agreed / own.length, misses(own)).toBeGreaterThanOrEqual(REASON_BAR.perMta);
  });
});
