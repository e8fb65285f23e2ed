// The ticket client of each delivery: an HTTP system's (systems/generic.ts, systems/zendesk.ts) POSTs its
// payload with the token (credentials.ts), `Idempotency-Key: <SES message id>`, time-outs and retries,
// and reads a refused token again once, so a rotated one is picked up by the very bounce that met the
// 401; a mail system's (systems/mail.ts) composes its mail and hands it to a transport (mail-transport.ts).
import type { TicketMailSettings } from '../../contracts/bounce.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../core/ticketing/retry-policy.ts';
import type { TicketDraft } from '../../core/ticketing/ticket.ts';
import type { TicketMail } from '../../core/ticketing/ticket-mail.ts';
import type { TicketNotice } from '../../core/ticketing/ticket-notice.ts';
import type { TicketCredentials } from './credentials.ts';
import { TicketApiAuthError } from './errors.ts';
import { composeTicketMail, type MailTransport } from './mail-transport.ts';
import { type JsonAnswer, type PostJsonRequest, postJson, type RetryNotice } from './post-json.ts';
import type { HttpTicketSystem, MailTicketSystem, PostedTicket } from './ticket-system.ts';

export type { PostedTicket } from './ticket-system.ts';

export interface TicketClient {
  post(draft: TicketDraft): Promise<PostedTicket>;
  /** A ticket about the service itself (e.g. the hourly budget's summary). */
  postNotice(notice: TicketNotice): Promise<PostedTicket>;
}

export interface HttpTicketClientOptions {
  system: HttpTicketSystem;
  url: string;
  /** The Authorization header, e.g. from the token in Secrets Manager (cached for minutes). */
  credentials: TicketCredentials;
  tokenSecretId: string;
  timeoutMs: number;
  policy?: Partial<RetryPolicy>;
  onRetry?: (retry: RetryNotice & { sesMessageId: string }) => void;
}

export function createHttpTicketClient(options: HttpTicketClientOptions): TicketClient {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
  const { system } = options;
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
    return system.posted(await postWithFreshCredentials(request, options.credentials));
  };
  return {
    post: (draft) => send(draft.sesMessageId, system.payload(draft)),
    postNotice: (notice) => send(notice.externalId, system.noticePayload(notice)),
  };
}

export interface MailTicketClientOptions {
  system: MailTicketSystem;
  settings: TicketMailSettings;
  transport: MailTransport;
  /** The Date header's clock (SES replaces the header with its own time). */
  now?: () => Date;
}

export function createMailTicketClient(options: MailTicketClientOptions): TicketClient {
  const { system, settings } = options;
  const now = options.now ?? (() => new Date());
  const send = async (mail: TicketMail): Promise<PostedTicket> =>
    system.posted(await options.transport.send(await composeTicketMail(mail, now()), mail));
  return {
    post: (draft) => send(system.payload(draft, settings)),
    postNotice: (notice) => send(system.noticePayload(notice, settings)),
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
