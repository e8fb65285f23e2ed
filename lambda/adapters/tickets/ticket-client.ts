// The ticket API clients: `generic` (bounce-doctor's JSON, see docs/ticket.md) and `zendesk` (its Tickets API).
// Both POST with the Bearer token, `Idempotency-Key: <SES message id>`, timeouts and retries. (`mail`
// sends no request to an API: systems/mail.ts.)
import type { HttpTicketApiKind } from '../../core/bounce/config.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../core/bounce/retry-policy.ts';
import type { TicketDraft } from '../../core/bounce/ticket-draft.ts';
import { genericTicketPayload, zendeskTicketPayload } from '../../core/bounce/ticket-payloads.ts';
import { type JsonAnswer, postJson, type RetryNotice } from './post-json.ts';

export interface PostedTicket {
  /** The ticket system's id for the new ticket; "" when the answer names none. */
  id: string;
  url?: string;
}

export interface TicketClient {
  post(draft: TicketDraft): Promise<PostedTicket>;
}

export interface TicketClientOptions {
  kind: HttpTicketApiKind;
  url: string;
  /** The Bearer token, e.g. read from Secrets Manager (cached per container). */
  token: () => Promise<string>;
  tokenSecretId: string;
  timeoutMs: number;
  policy?: Partial<RetryPolicy>;
  onRetry?: (retry: RetryNotice & { sesMessageId: string }) => void;
}

export function createTicketClient(options: TicketClientOptions): TicketClient {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
  const format = FORMATS[options.kind];
  return {
    async post(draft) {
      const answer = await postJson({
        url: options.url,
        token: await options.token(),
        tokenSecretId: options.tokenSecretId,
        idempotencyKey: draft.sesMessageId,
        body: format.payload(draft),
        timeoutMs: options.timeoutMs,
        policy,
        onRetry: (retry) => options.onRetry?.({ ...retry, sesMessageId: draft.sesMessageId }),
      });
      return format.posted(answer);
    },
  };
}

interface Format {
  payload(draft: TicketDraft): unknown;
  posted(answer: JsonAnswer): PostedTicket;
}

const FORMATS: Readonly<Record<HttpTicketApiKind, Format>> = {
  generic: {
    payload: genericTicketPayload,
    posted: (answer) => {
      const body = record(answer.json);
      const id = idText(body.id) ?? idText(body.ticketId) ?? idText(record(body.ticket).id);
      const url = text(body.url) ?? answer.headers.get('location') ?? undefined;
      return { id: id ?? '', ...(url ? { url } : {}) };
    },
  },
  zendesk: {
    payload: zendeskTicketPayload,
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
