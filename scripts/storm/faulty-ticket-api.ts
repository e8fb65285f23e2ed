// The storm's ticket API on loopback: a token bucket of `ratePerSecond` (429 with Retry-After above it),
// then 5 % of the admitted requests fail with 500 and 1 % hang (no answer, no ticket); the rest create a
// ticket (201). It does NOT drop repeats by Idempotency-Key: every duplicate the handler sends shows.
// It measures what the clients do: requests per second, and retries sooner than the Retry-After said.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface FaultyApiOptions {
  ratePerSecond: number;
  /** Seconds, sent in Retry-After with each 429. */
  retryAfterSeconds: number;
  failRate: number;
  hangRate: number;
  seed: number;
}

export interface FaultyApiStats {
  requests: number;
  created: number;
  throttled: number;
  failed: number;
  hung: number;
  /** Tickets created per Idempotency-Key (the SES message id), for keys with at least one. */
  createdByKey: Record<string, number>;
  /** Requests that came back sooner than the Retry-After of the 429 the same key got before. */
  retryAfterViolations: number;
  /** The most requests in one wall-clock second, and in one 100 ms slot. */
  peakPerSecond: number;
  peakPer100ms: number;
  firstAt: number;
  lastAt: number;
}

/** A repeatable stream of numbers in [0, 1) (mulberry32): the same faults for the same seed and order. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Tolerance for timer granularity when checking that a retry waited for its Retry-After. */
const EARLY_TOLERANCE_MS = 20;

export async function startFaultyTicketApi(
  options: FaultyApiOptions,
): Promise<{ url: string; stats: () => FaultyApiStats; close(): Promise<void> }> {
  const random = seededRandom(options.seed);
  const stats: FaultyApiStats = {
    requests: 0,
    created: 0,
    throttled: 0,
    failed: 0,
    hung: 0,
    createdByKey: {},
    retryAfterViolations: 0,
    peakPerSecond: 0,
    peakPer100ms: 0,
    firstAt: 0,
    lastAt: 0,
  };
  const notBefore = new Map<string, number>();
  const perSecond = new Map<number, number>();
  const per100ms = new Map<number, number>();
  let tokens = options.ratePerSecond;
  let refilledAt = Date.now();
  const hung: ServerResponse[] = [];

  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    for await (const _ of request) {
      // drain the body; its content does not matter here
    }
    const now = Date.now();
    const key = String(request.headers['idempotency-key'] ?? '');
    stats.requests++;
    stats.firstAt ||= now;
    stats.lastAt = now;
    stats.peakPerSecond = Math.max(stats.peakPerSecond, bump(perSecond, Math.floor(now / 1000)));
    stats.peakPer100ms = Math.max(stats.peakPer100ms, bump(per100ms, Math.floor(now / 100)));
    if (now + EARLY_TOLERANCE_MS < (notBefore.get(key) ?? 0)) stats.retryAfterViolations++;
    tokens = Math.min(options.ratePerSecond, tokens + ((now - refilledAt) / 1000) * options.ratePerSecond);
    refilledAt = now;
    if (tokens < 1) {
      stats.throttled++;
      notBefore.set(key, now + options.retryAfterSeconds * 1000);
      return answer(
        response,
        429,
        { error: 'rate limited' },
        { 'retry-after': String(options.retryAfterSeconds) },
      );
    }
    tokens -= 1;
    const roll = random();
    if (roll < options.failRate) {
      stats.failed++;
      return answer(response, 500, { error: 'internal error' });
    }
    if (roll < options.failRate + options.hangRate) {
      stats.hung++;
      hung.push(response); // never answered; the client's time-out ends it
      return;
    }
    stats.created++;
    stats.createdByKey[key] = (stats.createdByKey[key] ?? 0) + 1;
    answer(response, 201, { id: `T-${stats.created}` });
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/api/tickets`,
    stats: () => stats,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hung) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function bump(counts: Map<number, number>, slot: number): number {
  const n = (counts.get(slot) ?? 0) + 1;
  counts.set(slot, n);
  return n;
}

function answer(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}
