// The storm's figures, computed from what the simulated Lambda saw and what the ticket API counted, and
// printed as the report `npm run storm` shows and docs/benchmarks.md quotes.
import { parseSesEvent } from '../../lambda/core/ses/event.ts';
import type { AsyncLambda } from './async-lambda.ts';
import type { FaultyApiStats } from './faulty-ticket-api.ts';

export interface StormSettings {
  bounces: number;
  concurrency: number;
  ratePerSecond: number;
  retryAfterSeconds: number;
  failRate: number;
  hangRate: number;
  duplicateRate: number;
  ticketTimeoutMs: number;
  retryDelaysMs: readonly number[];
  lambdaTimeoutMs: number;
  seed: number;
}

export interface StormReport {
  settings: StormSettings;
  bouncesIn: number;
  eventsDelivered: number;
  outcomes: Record<string, number>;
  ticketsCreated: number;
  duplicates: number;
  inFailureQueue: number;
  lost: number;
  /** Handled as ticketed, yet the ticket API never created its ticket (must be 0). */
  ticketedWithoutTicket: number;
  seconds: number;
  throughputPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  invocationMs: { p50: number; p99: number; max: number };
  peakRssMb: number;
  peakHeapMb: number;
  lambda: { invocations: number; retries: number; errors: Record<string, number> };
  throttling: {
    requests: number;
    throttled: number;
    failed: number;
    hung: number;
    requestsPerTicket: number;
    ticketClientRetries: number;
    retryAfterViolations: number;
    peakPerSecond: number;
    peakPer100ms: number;
    meanPerSecond: number;
  };
  afterDrain?: {
    drained: number;
    stillFailing: number;
    ticketsCreated: number;
    duplicates: number;
    lost: number;
  };
}

export interface StormMeasures {
  lambda: AsyncLambda;
  api: FaultyApiStats;
  ids: readonly string[];
  eventsDelivered: number;
  startedAt: number;
  ticketClientRetries: number;
  peakRssMb: number;
  peakHeapMb: number;
}

export function stormReport(settings: StormSettings, m: StormMeasures): StormReport {
  const outcomes: Record<string, number> = {};
  for (const { outcome } of m.lambda.outcomes.values())
    outcomes[outcome.action] = (outcomes[outcome.action] ?? 0) + 1;
  const queued = new Set(
    m.lambda.failureQueue.map((record) => parseSesEvent(record.requestPayload).messageId),
  );
  const lost = m.ids.filter((id) => !m.lambda.outcomes.has(id) && !queued.has(id)).length;
  const ticketedWithoutTicket = [...m.lambda.outcomes].filter(
    ([id, { outcome }]) => outcome.action === 'ticketed' && !m.api.createdByKey[id],
  ).length;
  const ends = [...m.lambda.outcomes.values()].map((o) => o.at);
  const seconds = ((ends.length > 0 ? Math.max(...ends) : m.startedAt) - m.startedAt) / 1000;
  const latencies = [...m.lambda.outcomes].map(([id, o]) => o.at - (m.lambda.firstQueuedAt.get(id) ?? o.at));
  const apiSeconds = Math.max(0.001, (m.api.lastAt - m.api.firstAt) / 1000);
  return {
    settings,
    bouncesIn: m.ids.length,
    eventsDelivered: m.eventsDelivered,
    outcomes,
    ticketsCreated: m.api.created,
    duplicates: duplicatesOf(m.api),
    inFailureQueue: m.lambda.failureQueue.length,
    lost,
    ticketedWithoutTicket,
    seconds,
    throughputPerSecond: m.ids.length / Math.max(seconds, 0.001),
    latencyMs: quantiles(latencies),
    invocationMs: quantiles(m.lambda.durationsMs),
    peakRssMb: m.peakRssMb,
    peakHeapMb: m.peakHeapMb,
    lambda: {
      invocations: m.lambda.invocations,
      retries: m.lambda.retries,
      errors: Object.fromEntries(m.lambda.errors),
    },
    throttling: {
      requests: m.api.requests,
      throttled: m.api.throttled,
      failed: m.api.failed,
      hung: m.api.hung,
      requestsPerTicket: m.api.requests / Math.max(1, m.api.created),
      ticketClientRetries: m.ticketClientRetries,
      retryAfterViolations: m.api.retryAfterViolations,
      peakPerSecond: m.api.peakPerSecond,
      peakPer100ms: m.api.peakPer100ms,
      meanPerSecond: m.api.requests / apiSeconds,
    },
  };
}

export function duplicatesOf(api: FaultyApiStats): number {
  return Object.values(api.createdByKey).reduce((sum, n) => sum + Math.max(0, n - 1), 0);
}

function quantiles(values: readonly number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

export function formatStormReport(r: StormReport): string {
  const s = r.settings;
  const t = r.throttling;
  const ms = (q: { p50: number; p99: number; max: number }) =>
    `p50 ${q.p50.toFixed(0)} ms, p99 ${q.p99.toFixed(0)} ms, max ${q.max.toFixed(0)} ms`;
  const lines = [
    `storm: ${s.bounces} bounces, Lambda concurrency ${s.concurrency}, ticket API ${s.ratePerSecond} req/s ` +
      `(429 + Retry-After ${s.retryAfterSeconds} s above), ${pct(s.failRate)} 500, ${pct(s.hangRate)} hang, ` +
      `${pct(s.duplicateRate)} of events delivered twice; ticket time-out ${s.ticketTimeoutMs} ms; ` +
      `Lambda retries after ${s.retryDelaysMs.join(', ')} ms; seed ${s.seed}`,
    `bounces in:          ${r.bouncesIn} (${r.eventsDelivered} events delivered)`,
    `outcomes:            ${Object.entries(r.outcomes)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `tickets created:     ${r.ticketsCreated}`,
    `duplicates:          ${r.duplicates}`,
    `in the failure queue: ${r.inFailureQueue}`,
    `lost:                ${r.lost}`,
    `ticketed, no ticket: ${r.ticketedWithoutTicket}`,
    `throughput:          ${r.throughputPerSecond.toFixed(1)} bounces/s (${r.seconds.toFixed(1)} s)`,
    `latency (arrival → handled): ${ms(r.latencyMs)}`,
    `invocation time:     ${ms(r.invocationMs)}`,
    `peak memory:         RSS ${r.peakRssMb.toFixed(0)} MB, heap ${r.peakHeapMb.toFixed(0)} MB (the handler's process)`,
    `Lambda:              ${r.lambda.invocations} invocations, ${r.lambda.retries} retries; errors: ${
      Object.entries(r.lambda.errors)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none'
    }`,
    `ticket API:          ${t.requests} requests (${t.requestsPerTicket.toFixed(2)} per ticket): ` +
      `${t.throttled} × 429, ${t.failed} × 500, ${t.hung} hung; client retries ${t.ticketClientRetries}`,
    `throttling:          retries sooner than Retry-After: ${t.retryAfterViolations}; requests/s mean ` +
      `${t.meanPerSecond.toFixed(1)}, peak ${t.peakPerSecond} in 1 s, ${t.peakPer100ms} in 100 ms (limit ${s.ratePerSecond}/s)`,
  ];
  const d = r.afterDrain;
  if (d) {
    lines.push(
      `after draining the failure queue (replay): ${d.drained} handled, ${d.stillFailing} still failing; ` +
        `tickets ${d.ticketsCreated}, duplicates ${d.duplicates}, lost ${d.lost}`,
    );
  }
  return lines.join('\n');
}

function pct(rate: number): string {
  return `${(rate * 100).toFixed(0)} %`;
}
