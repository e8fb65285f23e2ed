// The one engine test of the decoder: every row of the table of expectations (decoder/expectations.ts),
// then the bars on whole corpora — agreement with Sisimai's results on the DEV corpus, the not-bounce
// set, and the real-MTA bounce lab (test/fixtures/mta-lab). `npm run eval` prints the full breakdown.
import { basename, dirname } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BounceReport } from '../lambda/core/types.ts';
import { MTAS } from '../scripts/mta-lab/cases.ts';
import { type LabResult, scoreLab } from '../scripts/mta-lab/score.ts';
import { DECODED_MAILS, type DecodedMail, type ExpectedRecipient } from './decoder/expectations.ts';
import { decodeFixture, loadExpectations, mailFiles, type Score, score } from './helpers/corpus.ts';

const DEFAULT_ACTION: Partial<Record<string, string>> = { bounce: 'failed', delay: 'delayed' };

/** What the report's recipient must match: the row's fields, a pattern where the row gives one. */
function wanted(recipient: ExpectedRecipient, row: DecodedMail): Record<string, unknown> {
  const action = recipient.action ?? DEFAULT_ACTION[row.kind ?? 'bounce'];
  const { diagnosticCode } = recipient;
  return {
    ...recipient,
    ...(action !== undefined ? { action } : {}),
    ...(diagnosticCode instanceof RegExp ? { diagnosticCode: expect.stringMatching(diagnosticCode) } : {}),
  };
}

describe('the table of decoder expectations', () => {
  it.each(DECODED_MAILS)('$mail is read by $decodedBy', async (row) => {
    const report = await decodeFixture(dirname(row.mail), basename(row.mail));
    expect(report.decodedBy).toBe(row.decodedBy);
    expect(report.kind).toBe(row.kind ?? 'bounce');
    if (row.subject !== undefined) expect(report.original?.subject).toBe(row.subject);
    expect(report.recipients.map((r) => r.address)).toEqual(row.recipients.map((r) => r.address));
    row.recipients.forEach((recipient, i) => {
      expect(report.recipients[i], recipient.address).toMatchObject(wanted(recipient, row));
    });
  });
});

/** Agreement the decoder must keep on the DEV corpus (fractions of expected recipients). */
const CORPUS_BARS = { reason: 0.98, status: 0.98, hardBounce: 0.99, coverage: 1 };

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

  it(`covers at least ${CORPUS_BARS.coverage * 100}% of the expected recipients`, () => {
    expect(result.covered / result.recipients).toBeGreaterThanOrEqual(CORPUS_BARS.coverage);
  });

  it.each(['reason', 'status', 'hardBounce'] as const)('agrees on %s for enough recipients', (field) => {
    const share = result.agree[field] / result.recipients;
    expect(share, field === 'reason' ? result.mismatches.join('\n') : undefined).toBeGreaterThanOrEqual(
      CORPUS_BARS[field],
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

/** Reason agreement the decoder must keep on the lab's bounces, over all and for each MTA's. */
const LAB_BAR = { all: 0.994, perMta: 0.98 };

// Bounces written by real MTAs (Postfix, Exim, OpenSMTPD, Sendmail, Courier) from real servers'
// replies, collected by `npm run mta-lab` (README.md in the fixtures): every recipient must be found,
// and the reason must agree with what a careful reader of the bounce says.
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

  it(`agrees on the reason for at least ${LAB_BAR.all * 100}% of the bounces`, () => {
    const agreed = results.filter((r) => r.reason === r.expectation.reason).length;
    expect(agreed / results.length, misses(results)).toBeGreaterThanOrEqual(LAB_BAR.all);
  });

  it.each(MTAS)(`agrees on the reason for at least ${LAB_BAR.perMta * 100}% of %s's bounces`, (mta) => {
    const own = results.filter((r) => r.expectation.mta === mta);
    const agreed = own.filter((r) => r.reason === r.expectation.reason).length;
    expect(agreed / own.length, misses(own)).toBeGreaterThanOrEqual(LAB_BAR.perMta);
  });
});
