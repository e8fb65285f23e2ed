// The ticket API clients: `generic` (bounce-doctor's JSON, see docs/ticket.md) and `zendesk` (its Tickets API).
// Both POST with the token (credentials.ts), `Idempotency-Key: <SES message id>`, timeouts and retries; a
// refused token is read again once, so a rotated one is picked up by the very bounce that met the 401.
// (`mail` sends no request to an API: systems/mail.ts.)
import type { HttpTicketApiKind } from '../../core/bounce/config.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../core/bounce/retry-policy.ts';
import type { TicketDraft } from '../../core/bounce/ticket-draft.ts';
import type { TicketNotice } from '../../core/bounce/ticket-notice.ts';
import {
  genericNoticePayload,
  genericTicketPayload,
  zendeskNoticePayload,
  zendeskTicketPayload,
} from '../../core/bounce/ticket-payloads.ts';
import type { TicketCredentials } from './credentials.ts';
import { TicketApiAuthError } from './errors.ts';
import { type JsonAnswer, type PostJsonRequest, postJson, type RetryNotice } from './post-json.ts';

export interface PostedTicket {
  /** The ticket system's id for the new ticket; "" when the answer names none. */
  id: string;
  url?: string;
}

export interface TicketClient {
  post(draft: TicketDraft): Promise<PostedTicket>;
  /** A ticket about the service itself (e.g. the hourly budget's summary). */
  postNotice(notice: TicketNotice): Promise<PostedTicket>;
}

export interface TicketClientOptions {
  kind: HttpTicketApiKind;
  url: string;
  /** The Authorization header, e.g. from the token in Secrets Manager (cached for minutes). */
  credentials: TicketCredentials;
  tokenSecretId: string;
  timeoutMs: number;
  policy?: Partial<RetryPolicy>;
  onRetry?: (retry: RetryNotice & { sesMessageId: string }) => void;
}

export function createTicketClient(options: TicketClientOptions): TicketClient {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
  const format = FORMATS[options.kind];
  const send = async (idempotencyKey: string, body: unknown): Promise<PostedTicket> => {
    const request: PostJsonRequest = {
      url: options.url,
      authorization: await options.credentials.authorization(),
      tokenSecretId: options.tokenSecretId,
      idempotencyKey,
      body,
      timeoutMs: options.timeoutMs,
      policy,
      onRetry: (retry) => options.onRetry?.({ ...retry, sesMessageId: idempotencyKey }),
    };
    return format.posted(await postWithFreshCredentials(request, options.credentials));
  };
  return {
    post: (draft) => send(draft.sesMessageId, format.payload(draft)),
    postNotice: (notice) => send(notice.externalId, format.noticePayload(notice)),
  };
}

/** A 401/403 with a cached token: read the secret again, and try once more if it changed. */
async function postWithFreshCredentials(
  request: PostJsonRequest,
  credentials: TicketCredentials,
): Promise<JsonAnswer> {
  try {
    return await postJson(request);
  } catch (error) {
    if (!(error instanceof TicketApiAuthError) || !credentials.refused) throw error;
    const authorization = await credentials.refused();
    if (authorization === request.authorization) throw error;
    return postJson({ ...request, authorization });
  }
}

interface Format {
  payload(draft: TicketDraft): unknown;
  noticePayload(notice: TicketNotice): unknown;
  posted(answer: JsonAnswer): PostedTicket;
}

const FORMATS: Readonly<Record<HttpTicketApiKind, Format>> = {
  generic: {
    payload: genericTicketPayload,
    noticePayload: genericNoticePayload,
    posted: (answer) => {
      const body = record(answer.json);
      const id = idText(body.id) ?? idText(body.ticketId) ?? idText(record(body.ticket).id);
      const url = text(body.url) ?? answer.headers.get('location') ?? undefined;
      return { id: id ?? '', ...(url ? { url } : {}) };
    },
  },
  zendesk: {
    payload: zendeskTicketPayload,
    noticePayload: zendeskNoticePayload,
    posted: (answer) => {
      const ticket = record(record(answer.json).ticket);
      const url = text(ticket.url);
      return { id: idText(ticket.id) ?? '', ...(url ? { url } : {}) };
    },
  },
};

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function idText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}
