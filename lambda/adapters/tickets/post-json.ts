// POSTs one JSON document to a ticket API with its Authorization header and an Idempotency-Key, a timeout per
// try, and retries with backoff on network errors, timeouts, 408, 429 (Retry-After honoured) and 5xx.
// The Idempotency-Key lets the API drop a repeat of a request whose answer was lost.
import {
  isRetryableStatus,
  type RetryPolicy,
  retryAfterMs,
  retryDelayMs,
} from '../../core/ticketing/retry-policy.ts';
import {
  TicketApiAuthError,
  type TicketApiError,
  TicketApiHttpError,
  TicketApiNetworkError,
  TicketApiTimeoutError,
} from './errors.ts';

export interface PostJsonRequest {
  url: string;
  /** The Authorization header's value (credentials.ts). */
  authorization: string;
  /** Named in the error when the API refuses the token. */
  tokenSecretId: string;
  idempotencyKey: string;
  body: unknown;
  timeoutMs: number;
  policy: RetryPolicy;
  /** Told before each wait; for logs. */
  onRetry?: (retry: RetryNotice) => void;
  /** For tests: a clock and a random source. */
  now?: () => Date;
  random?: () => number;
}

export interface RetryNotice {
  attempt: number;
  delayMs: number;
  problem: string;
}

export interface JsonAnswer {
  status: number;
  headers: Headers;
  /** The parsed body; undefined when it is empty or not JSON. */
  json: unknown;
}

const MAX_API_MESSAGE = 300;

export async function postJson(request: PostJsonRequest): Promise<JsonAnswer> {
  const now = request.now ?? (() => new Date());
  const random = request.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    const outcome = await tryOnce(request, attempt);
    if ('answer' in outcome) return outcome.answer;
    const { error, retryAfter } = outcome;
    if (!outcome.retryable || attempt >= request.policy.maxAttempts) throw error;
    const waitMs = retryAfterMs(retryAfter, now());
    if (waitMs !== undefined && waitMs > request.policy.maxRetryAfterMs) throw error;
    const delayMs = retryDelayMs(attempt, request.policy, random(), waitMs);
    request.onRetry?.({ attempt, delayMs, problem: error.message });
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}

type TryOutcome =
  | { answer: JsonAnswer }
  | { error: TicketApiError; retryable: boolean; retryAfter?: string | null };

async function tryOnce(request: PostJsonRequest, attempt: number): Promise<TryOutcome> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: request.authorization,
        'idempotency-key': request.idempotencyKey,
      },
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    // The same signal bounds the body: a response that starts and then hangs times out too.
    text = await response.text();
  } catch (error) {
    return { error: transportError(error, request.timeoutMs, attempt), retryable: true };
  }
  const json = parseJson(text);
  if (response.ok) return { answer: { status: response.status, headers: response.headers, json } };
  const apiMessage = apiMessageOf(json, text);
  if (response.status === 401 || response.status === 403) {
    const error = new TicketApiAuthError(response.status, apiMessage, text, {
      attempts: attempt,
      secretId: request.tokenSecretId,
    });
    return { error, retryable: false };
  }
  const error = new TicketApiHttpError(response.status, apiMessage, text, { attempts: attempt });
  return {
    error,
    retryable: isRetryableStatus(response.status),
    retryAfter: response.headers.get('retry-after'),
  };
}

function transportError(error: unknown, timeoutMs: number, attempts: number): TicketApiError {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new TicketApiTimeoutError(timeoutMs, { attempts, cause: error });
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code ?? 'UNKNOWN';
  const detail = cause?.message ?? (error as Error).message ?? String(error);
  return new TicketApiNetworkError(code, `${code}: ${detail}`, { attempts, cause: error });
}

function parseJson(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What the API said went wrong: the usual fields of JSON error bodies (Zendesk's too), else the text. */
export function apiMessageOf(json: unknown, text: string): string {
  const found = messageIn(json);
  const message = found ?? text.replace(/\s+/g, ' ').trim();
  return message.length > MAX_API_MESSAGE ? `${message.slice(0, MAX_API_MESSAGE)}…` : message;
}

function messageIn(json: unknown): string | undefined {
  if (typeof json === 'string') return json || undefined;
  if (typeof json !== 'object' || json === null) return undefined;
  const body = json as Record<string, unknown>;
  const error = body.error;
  const description = typeof body.description === 'string' ? body.description : undefined;
  if (typeof error === 'string') return description ? `${error}: ${description}` : error;
  for (const key of ['message', 'detail', 'title', 'error_description'] as const) {
    if (typeof body[key] === 'string' && body[key]) return body[key] as string;
  }
  if (typeof error === 'object' && error !== null) return messageIn(error);
  if (Array.isArray(body.errors) && body.errors.length > 0) return messageIn(body.errors[0]);
  return description;
}
