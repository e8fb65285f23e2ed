// The viewer's work on one request, with its adapters passed in: the Lambda entry (handlers/viewer.ts)
// builds them from the environment; `npm start -- --serve` and the tests pass local ones. Thin: route,
// verify the link's token, read the stored mail, let the core render it.
import type { StoredMailReader } from '../adapters/mail-store/ports.ts';
import type { ViewerObserver, ViewerRequestRecord } from '../adapters/viewer-observer.ts';
import type { LinkKeyInput } from '../core/links/link-keys.ts';
import { type LinkVerification, verifyLinkToken } from '../core/links/link-token.ts';
import type { StoredMailKind } from '../core/links/stored-mail.ts';
import { MAX_MAIL_BYTES } from '../core/ses/event.ts';
import {
  expiredPage,
  methodNotAllowedPage,
  notFoundPage,
  unavailablePage,
} from '../core/viewer/error-pages.ts';
import { downloadDisposition, renderPreview } from '../core/viewer/render.ts';
import {
  emlResponse,
  MAX_INLINE_DOWNLOAD_BYTES,
  pageResponse,
  redirectResponse,
  type ViewerResponse,
} from '../core/viewer/responses.ts';
import { routeOf, type ViewerRoute } from '../core/viewer/routes.ts';

export interface ViewerDependencies {
  mails: StoredMailReader;
  /**
   * The links' HMAC keys (Secrets Manager in AWS, cached for minutes); `fresh` asks for a new read, for a
   * token signed with a key id not yet known here (a rotation under way).
   */
  linkKeys: (options?: { fresh?: boolean }) => Promise<LinkKeyInput>;
  observer: ViewerObserver;
  now?: () => Date;
  /** Milliseconds, for the render budget. @default performance.now */
  clock?: () => number;
  /** Larger downloads go by a direct URL where the store has one (a Lambda answer holds 6 MB). */
  maxInlineDownloadBytes?: number;
}

/** The part of a Function URL request (payload v2) the viewer reads. */
export interface ViewerRequest {
  rawPath?: string;
  requestContext?: { http?: { method?: string; sourceIp?: string; userAgent?: string } };
}

export type ViewerFlow = (event: ViewerRequest) => Promise<ViewerResponse>;

export function createViewerFlow(deps: ViewerDependencies): ViewerFlow {
  return async (event) => {
    const route = routeOf(event.requestContext?.http?.method ?? 'GET', event.rawPath ?? '/');
    const record: ViewerRequestRecord = { result: 'error', ...requester(event) };
    try {
      const response = await serve(route, deps, record);
      deps.observer.served(record);
      return response;
    } catch (error) {
      deps.observer.failed(record, error);
      return pageResponse(unavailablePage());
    }
  };
}

async function serve(route: ViewerRoute, deps: ViewerDependencies, record: ViewerRequestRecord) {
  if (route.action !== 'preview' && route.action !== 'download') {
    record.result = route.action;
    return route.action === 'not-found'
      ? pageResponse(notFoundPage())
      : pageResponse(methodNotAllowedPage(), { Allow: 'GET, HEAD' });
  }
  Object.assign(record, { route: route.action, link: route.link });
  const now = deps.now?.() ?? new Date();
  const verified = await verifyLink(route.token, route.link, deps, now);
  if (!verified.ok) {
    if (verified.problem === 'expired') {
      record.result = 'expired';
      return pageResponse(expiredPage(verified.expiresAt));
    }
    Object.assign(record, { result: 'refused', problem: verified.problem });
    return pageResponse(notFoundPage());
  }
  const id = verified.messageId;
  record.sesMessageId = id;
  const kind = route.link;

  if (route.action === 'download') {
    const limit = deps.mails.directUrl
      ? (deps.maxInlineDownloadBytes ?? MAX_INLINE_DOWNLOAD_BYTES)
      : MAX_MAIL_BYTES;
    const stored = await deps.mails.read(id, kind, limit);
    if (stored.status === 'missing') return missing(record);
    if (stored.status === 'too-large') {
      if (!deps.mails.directUrl) throw new Error(`the stored mail has ${stored.bytes} bytes, over ${limit}`);
      record.result = 'redirect';
      return redirectResponse(await deps.mails.directUrl(id, kind));
    }
    record.result = 'download';
    return emlResponse(stored.raw, await downloadDisposition(stored.raw, stored.contentDisposition));
  }

  const [mail, storedRawBounce] = await Promise.all([
    deps.mails.read(id, kind, MAX_MAIL_BYTES),
    kind === 'original' ? deps.mails.read(id, 'rawBounce', MAX_MAIL_BYTES) : undefined,
  ]);
  if (mail.status === 'missing') return missing(record);
  if (mail.status === 'too-large') throw new Error(`the stored mail has ${mail.bytes} bytes, over 40 MB`);
  const rawBounce =
    kind === 'rawBounce' ? mail.raw : storedRawBounce?.status === 'found' ? storedRawBounce.raw : undefined;
  record.result = 'preview';
  const page = await renderPreview(
    {
      kind,
      mail: mail.raw,
      rawBounce,
      downloadPath: route.downloadPath,
      expiresAt: verified.expiresAt,
    },
    deps.clock ?? (() => performance.now()),
  );
  return pageResponse(page);
}

const MAX_USER_AGENT_CHARS = 300;

/** Who asked: the address and the user agent (anyone's text: one line, control characters out, cut). */
function requester(event: ViewerRequest): Pick<ViewerRequestRecord, 'sourceIp' | 'userAgent'> {
  const http = event.requestContext?.http;
  const userAgent = http?.userAgent
    ?.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .slice(0, MAX_USER_AGENT_CHARS)
    .trim();
  return {
    ...(http?.sourceIp ? { sourceIp: http.sourceIp.slice(0, 64) } : {}),
    ...(userAgent ? { userAgent } : {}),
  };
}

async function verifyLink(
  token: string,
  kind: StoredMailKind,
  deps: ViewerDependencies,
  now: Date,
): Promise<LinkVerification> {
  const verified = verifyLinkToken(token, { key: await deps.linkKeys(), now, kind });
  if (verified.ok || verified.problem !== 'unknown-key') return verified;
  return verifyLinkToken(token, { key: await deps.linkKeys({ fresh: true }), now, kind });
}

/** The same page as an altered link: whether a message exists is not told. */
function missing(record: ViewerRequestRecord): ViewerResponse {
  record.result = 'missing';
  return pageResponse(notFoundPage());
}
