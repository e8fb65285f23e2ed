// A storm of bounces through the real bounce handler (createBounceHandler with the Lambda's own wiring,
// bounceDependencies), against the world process: s3rver, dynalite with Powertools idempotency, a
// Secrets Manager stand-in and a ticket API that throttles, fails and hangs. Each bounce is stored in S3
// first, then its SES event is delivered (some twice) to a simulated asynchronous Lambda. Afterwards the
// failure queue is drained once, as `bounce-doctor replay --queue` would.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { BounceObserver } from '../../lambda/adapters/bounce-observer.ts';
import { localLambdaContext } from '../../lambda/adapters/local-context.ts';
import { parseSesEvent } from '../../lambda/core/ses/event.ts';
import type { BounceHandler } from '../../lambda/handlers/bounce-handler.ts';
import { AsyncLambda } from './async-lambda.ts';
import { seededRandom } from './faulty-ticket-api.ts';
import { duplicatesOf, type StormReport, type StormSettings, stormReport } from './storm-report.ts';
import { localClients, startWorld, type World, worldHandler } from './world-client.ts';
import { WORLD_BUCKET } from './world-settings.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

export const STORM_DEFAULTS: StormSettings = {
  bounces: 10_000,
  concurrency: 50,
  ratePerSecond: 30,
  retryAfterSeconds: 1,
  failRate: 0.05,
  hangRate: 0.01,
  duplicateRate: 0.02,
  ticketTimeoutMs: 3_000,
  retryDelaysMs: [1_000, 2_000],
  lambdaTimeoutMs: 90_000,
  seed: 1,
};

export async function runStorm(
  overrides: Partial<StormSettings> = {},
  progress: (line: string) => void = () => undefined,
): Promise<StormReport> {
  const settings: StormSettings = { ...STORM_DEFAULTS, ...overrides };
  const world = await startWorld({
    ratePerSecond: settings.ratePerSecond,
    retryAfterSeconds: settings.retryAfterSeconds,
    failRate: settings.failRate,
    hangRate: settings.hangRate,
    seed: settings.seed,
  });
  const clients = localClients(world.endpoints);
  const memory = sampleMemory();
  try {
    let ticketClientRetries = 0;
    const observer: BounceObserver = {
      handled: () => undefined,
      duplicate: () => undefined,
      ticketRetry: () => void ticketClientRetries++,
      failed: () => undefined,
    };
    const handler = worldHandler(world.endpoints, clients, {
      ticketTimeoutMs: settings.ticketTimeoutMs,
      observer,
    });
    const lambda = new AsyncLambda(handler, { ...settings, timeoutMs: settings.lambdaTimeoutMs });
    const storing = performance.now();
    const ids = await storeStorm(settings, clients.s3, progress);
    progress(
      `${ids.length} bounces stored in ${((performance.now() - storing) / 1000).toFixed(1)} s; the storm begins`,
    );
    const startedAt = performance.now();
    const eventsDelivered = deliverStorm(settings, ids, lambda);
    await lambda.idle();
    const api = await world.stats();
    const report = stormReport(settings, {
      lambda,
      api,
      ids,
      eventsDelivered,
      startedAt,
      ticketClientRetries,
      ...memory.peaks(),
    });
    progress(`storm done in ${report.seconds.toFixed(1)} s; draining the failure queue`);
    report.afterDrain = await drainFailureQueue(lambda, handler, ids, world);
    return report;
  } finally {
    memory.stop();
    clients.s3.destroy();
    clients.dynamodb.destroy();
    await world.stop();
  }
}

/** Stores each bounce in S3 first, as SES's S3 action does before it invokes the function. */
async function storeStorm(
  settings: StormSettings,
  s3: S3Client,
  progress: (line: string) => void,
): Promise<string[]> {
  const mails = stormMails();
  const ids = Array.from(
    { length: settings.bounces },
    (_, i) => `storm${settings.seed}-${String(i).padStart(6, '0')}`,
  );
  let next = 0;
  const putter = async () => {
    for (let i = next++; i < ids.length; i = next++) {
      const mail = mails[i % mails.length] as Buffer;
      await s3.send(new PutObjectCommand({ Bucket: WORLD_BUCKET, Key: `incoming/${ids[i]}`, Body: mail }));
      if ((i + 1) % 2000 === 0) progress(`${i + 1} bounces stored in S3`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, putter));
  return ids;
}

/**
 * All events at once (the worst burst: a bad mailing's bounces all in), in order; a repeated event
 * lands within a few concurrency widths of the first, so many repeats overlap their first delivery.
 */
function deliverStorm(settings: StormSettings, ids: readonly string[], lambda: AsyncLambda): number {
  const random = seededRandom(settings.seed + 7);
  const order: string[] = [...ids];
  let repeats = 0;
  for (let i = 0; i < ids.length; i++) {
    if (random() >= settings.duplicateRate) continue;
    const at = Math.min(
      order.length,
      order.indexOf(ids[i] as string) + 1 + Math.floor(random() * settings.concurrency),
    );
    order.splice(at, 0, ids[i] as string);
    repeats++;
  }
  for (const id of order) lambda.invoke(id, sesEvent(id));
  return ids.length + repeats;
}

/** Runs each on-failure record's event once more, as `bounce-doctor replay --queue` does. */
async function drainFailureQueue(
  lambda: AsyncLambda,
  handler: BounceHandler,
  ids: readonly string[],
  world: World,
): Promise<NonNullable<StormReport['afterDrain']>> {
  const handled = new Set(lambda.outcomes.keys());
  const stillQueued = new Set<string>();
  for (const record of lambda.failureQueue) {
    const id = parseSesEvent(record.requestPayload).messageId;
    try {
      await handler(record.requestPayload, localLambdaContext('bounce-doctor-replay'));
      handled.add(id);
    } catch {
      stillQueued.add(id);
    }
  }
  const api = await world.stats();
  return {
    drained: lambda.failureQueue.length - stillQueued.size,
    stillFailing: stillQueued.size,
    ticketsCreated: api.created,
    duplicates: duplicatesOf(api),
    lost: ids.filter((id) => !handled.has(id) && !stillQueued.has(id)).length,
  };
}

/** The corpus (BSD licence beside it) and the sample bounces, repeated under new SES message ids. */
function stormMails(): Buffer[] {
  const folders = [join(ROOT, 'test', 'fixtures', 'sisimai'), join(ROOT, 'examples', 'bounces')];
  return folders.flatMap((folder) =>
    readdirSync(folder)
      .filter((f) => f.endsWith('.eml'))
      .sort()
      .map((f) => readFileSync(join(folder, f))),
  );
}

const EVENT_TEMPLATE = readFileSync(join(ROOT, 'test', 'fixtures', 'events', 'ses-receipt.json'), 'utf8');

function sesEvent(id: string): unknown {
  const event = JSON.parse(EVENT_TEMPLATE) as { Records: { ses: { mail: { messageId: string } } }[] };
  for (const record of event.Records) record.ses.mail.messageId = id;
  return event;
}

function sampleMemory(): { peaks(): { peakRssMb: number; peakHeapMb: number }; stop(): void } {
  let heap = 0;
  const timer = setInterval(() => {
    heap = Math.max(heap, process.memoryUsage().heapUsed);
  }, 100);
  return {
    peaks: () => ({ peakRssMb: process.resourceUsage().maxRSS / 1024, peakHeapMb: heap / 1024 / 1024 }),
    stop: () => clearInterval(timer),
  };
}
