// When to try a ticket API request again and how long to wait first: exponential backoff with jitter,
// and the server's Retry-After when it says. Pure: the random number and the time are passed in.

export interface RetryPolicy {
  /** Tries in all, the first included. */
  maxAttempts: number;
  /** The wait before the first retry, before jitter; it doubles for each further retry. */
  baseDelayMs: number;
  /** No computed wait is longer. */
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error surfaces and the Lambda retries later. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

/** 408 Request Timeout, 429 Too Many Requests and every 5xx may pass on a later try. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** The wait before retry number `retry` (1 = the first retry): half fixed, half random ("equal jitter"). */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random, 0), 1));
}

/**
 * The wait before retry number `retry`: the backoff, or the server's Retry-After when it gave one, plus a
 * random part of up to half of it. Without that part, every client throttled in the same second would
 * come back in the same instant, and be throttled together again (measured by `npm run storm`).
 */
export function retryDelayMs(
  retry: number,
  policy: RetryPolicy,
  random: number,
  serverWaitMs: number | undefined,
): number {
  const backoff = backoffDelayMs(retry, policy, random);
  if (serverWaitMs === undefined) return backoff;
  const spread = Math.min(serverWaitMs, policy.maxDelayMs) / 2;
  return Math.max(backoff, Math.round(serverWaitMs + spread * Math.min(Math.max(random, 0), 1)));
}

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP date; undefined when absent or bad. */
export function retryAfterMs(value: string | null | undefined, now: Date): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}
