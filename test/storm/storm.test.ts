// The CI storm: 1,000 bounces through the real bounce handler against s3rver, dynalite (Powertools
// idempotency) and a ticket API that throttles (429 + Retry-After), fails 5 % and hangs 1 %, with 2 % of
// the events delivered twice. `npm run storm` is the same with 10,000 (figures in docs/benchmarks.md).
import { beforeAll, describe, expect, it } from 'vitest';
import { runStorm, STORM_DEFAULTS } from '../../scripts/storm/run-storm.ts';
import { formatStormReport, type StormReport } from '../../scripts/storm/storm-report.ts';

describe('a storm of 1,000 bounces while the ticket API throttles, fails and hangs', () => {
  let report: StormReport;

  // One storm for all the cases: each case reads the same report, and runs alone as well.
  beforeAll(async () => {
    report = await runStorm({ bounces: 1_000 });
    console.log(formatStormReport(report));
  }, 240_000);

  it('no bounce is lost, none is ticketed twice', () => {
    expect(report.lost).toBe(0);
    expect(report.duplicates).toBe(0);
    expect(report.ticketedWithoutTicket).toBe(0);
    const ticketed = report.outcomes.ticketed ?? 0;
    expect(report.ticketsCreated).toBe(ticketed);
    expect(ticketed + (report.outcomes.skipped ?? 0) + report.inFailureQueue).toBeGreaterThanOrEqual(1_000);
    expect(report.afterDrain).toMatchObject({ stillFailing: 0, duplicates: 0, lost: 0 });
  });

  it('the faults really happened: throttling, 500s, hangs, repeated events', () => {
    expect(report.eventsDelivered).toBeGreaterThan(report.bouncesIn);
    expect(report.throttling.throttled).toBeGreaterThan(0);
    expect(report.throttling.failed).toBeGreaterThan(0);
    expect(report.throttling.hung).toBeGreaterThan(0);
  });

  it('throttling is respected: no retry before its Retry-After, and the request rate is bounded by the callers', () => {
    expect(report.throttling.retryAfterViolations).toBe(0);
    // At most one request per caller per Retry-After while throttled, on top of what the API admits:
    // the rate does not grow with the backlog (a retry storm would).
    const bound =
      STORM_DEFAULTS.concurrency / STORM_DEFAULTS.retryAfterSeconds + STORM_DEFAULTS.ratePerSecond;
    expect(report.throttling.meanPerSecond).toBeLessThan(bound);
  });
});
