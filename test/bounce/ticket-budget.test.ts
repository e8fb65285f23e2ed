// The hourly ticket budget (issue 13, finding 1): a flood of bounces, forged or real, cannot open more
// than TICKET_BUDGET_PER_HOUR tickets in an hour. Past it a bounce is stored and counted, not marked
// handled (a replay in a later hour tickets it), and the hour gets one summary ticket. Through the
// Lambda's own wiring against s3rver, dynalite (the budget's counter lives in the idempotency table),
// a Secrets Manager stand-in and a ticket API on loopback.
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BounceObserver } from '../../lambda/adapters/bounce-observer.ts';
import { localLambdaContext } from '../../lambda/adapters/local-context.ts';
import type { BounceOutcome } from '../../lambda/core/handling/outcome.ts';
import type { BounceHandler } from '../../lambda/handlers/bounce-handler.ts';
import { type BounceWorld, BUCKET, startBounceWorld } from '../helpers/bounce-world.ts';
import { sesEvent } from '../helpers/ses-events.ts';
import { postfixBounce } from '../helpers/synthetic.ts';
import { QUIET_OBSERVER, wiredHandler } from '../helpers/wired-handler.ts';

let world: BounceWorld;
const handled: BounceOutcome[] = [];
const observer: BounceObserver = { ...QUIET_OBSERVER, handled: (outcome) => handled.push(outcome) };

beforeAll(async () => {
  world = await startBounceWorld();
  world.aws.secrets.set('ticket-token', 'tkn');
  world.aws.secrets.set('link-key', 'link-key-0123456789-0123456789-0123456789');
});

afterAll(async () => {
  await world?.close();
});

function handlerAt(now: string, budget: string): BounceHandler {
  return wiredHandler(
    world,
    {
      TICKET_API_URL: world.api.url,
      TICKET_TOKEN_SECRET_ID: 'ticket-token',
      TICKET_MAX_ATTEMPTS: '2',
      LINK_KEY_SECRET_ID: 'link-key',
      VIEWER_BASE_URL: 'https://viewer.example.jp',
      TICKET_BUDGET_PER_HOUR: budget,
    },
    { observer, retry: { baseDelayMs: 10, maxDelayMs: 20 } },
    () => new Date(now),
  );
}

async function deliver(handler: BounceHandler, id: string): Promise<BounceOutcome> {
  await world.putIncoming(
    id,
    postfixBounce({ words: '550 5.1.1 No such user', recipient: `${id}@example.net` }),
  );
  return handler(sesEvent(id), localLambdaContext());
}

const bodies = () => world.api.created.map((r) => r.body as Record<string, unknown>);
const ticketsFor = (prefix: string) => bodies().filter((b) => String(b.externalId).startsWith(prefix));
const summaries = (hour: string) => bodies().filter((b) => b.externalId === `ticket-budget-${hour}`);

describe('the hourly ticket budget', () => {
  it('past it: stored and counted, one summary ticket for the hour, and not marked handled', async () => {
    const handler = handlerAt('2026-11-27T09:10:00Z', '2');
    const outcomes: BounceOutcome[] = [];
    for (const n of [1, 2, 3, 4, 5]) outcomes.push(await deliver(handler, `flood000${n}`));
    expect(outcomes.map((o) => o.action)).toEqual([
      'ticketed',
      'ticketed',
      'over-budget',
      'over-budget',
      'over-budget',
    ]);
    expect(outcomes[2]).toMatchObject({ category: 'recipient-unknown', originalStored: true, budget: 2 });
    expect(ticketsFor('flood')).toHaveLength(2);
    const [summary, ...more] = summaries('2026-11-27T09');
    expect(more).toHaveLength(0);
    expect(summary).toMatchObject({
      schema: 'bounce-doctor.notice/v1',
      title: expect.stringContaining('2026-11-27 09:00 UTC'),
      tags: expect.arrayContaining(['bounce-doctor', 'ticket-budget']),
    });
    expect(String(summary?.body)).toContain(
      'bounce-doctor replay --s3 --since 2026-11-27T09:00:00Z --until 2026-11-27T10:00:00Z',
    );
    const stored = await world.s3Client.send(
      new HeadObjectCommand({ Bucket: BUCKET, Key: 'originals/flood0004.eml' }),
    );
    expect(stored.ContentType).toBe('message/rfc822');
    expect(handled.filter((o) => o.action === 'over-budget')).toHaveLength(3);

    // An hour later, a replay of a bounce past the budget gets its ticket: it was never marked handled.
    const later = handlerAt('2026-11-27T10:05:00Z', '2');
    expect(await deliver(later, 'flood0004')).toMatchObject({ action: 'ticketed' });
    expect(await deliver(later, 'flood0001')).toMatchObject({ action: 'ticketed' });
    expect(ticketsFor('flood')).toHaveLength(3);
  });

  it('a summary ticket that fails to post is tried again by the next bounce past the budget', async () => {
    const handler = handlerAt('2026-11-27T13:30:00Z', '1');
    expect(await deliver(handler, 'retry0001')).toMatchObject({ action: 'ticketed' });
    world.api.script.push({ status: 500 }, { status: 500 });
    await expect(deliver(handler, 'retry0002')).rejects.toThrow(/answered 500/);
    expect(summaries('2026-11-27T13')).toHaveLength(0);
    expect(await deliver(handler, 'retry0003')).toMatchObject({ action: 'over-budget' });
    expect(summaries('2026-11-27T13')).toHaveLength(1);
    expect(await deliver(handler, 'retry0002')).toMatchObject({ action: 'over-budget' });
    expect(summaries('2026-11-27T13')).toHaveLength(1);
  });
});
