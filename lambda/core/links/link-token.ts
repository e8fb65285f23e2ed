// Signed, expiring tokens for the viewer links in tickets (the original message, the raw bounce).
// Pure: the key and the time are passed in. Format (v1), every part URL-safe:
//   v1.<kind>.<expires>.<id>.<signature>
// kind "o" (original) or "r" (raw bounce); expires: Unix seconds; id: base64url of the SES message id;
// signature: base64url of HMAC-SHA256(key, "bounce-doctor-link/v1\n<kind>\n<expires>\n<message id>").
import { createHmac, timingSafeEqual } from 'node:crypto';
import { LinkKeyError } from './errors.ts';

export const LINK_KINDS = ['original', 'raw'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** The kind's letter in the token and its path segment in the viewer URL. */
export const LINK_PATH: Readonly<Record<LinkKind, 'o' | 'r'>> = { original: 'o', raw: 'r' };

/** A shorter key is refused: 32 bytes is the strength of the HMAC itself. */
export const LINK_KEY_MIN_BYTES = 32;
/** Longer input is not a token; verifying stops before any work. */
const MAX_TOKEN_LENGTH = 1024;
const VERSION = 'v1';
/** Message ids the links (and the stored objects' keys) accept: SES ids and file-name-like ids. */
export const SAFE_MESSAGE_ID = /^[A-Za-z0-9][A-Za-z0-9._+=-]{0,254}$/;

export interface LinkClaims {
  messageId: string;
  kind: LinkKind;
  /** Unix seconds. */
  expiresAt: number;
}

export type LinkVerification =
  | ({ ok: true } & LinkClaims)
  | { ok: false; problem: 'malformed' | 'bad-signature' | 'wrong-kind' }
  /** Only a token with a good signature is told expired, so its expiry is the one the system wrote. */
  | { ok: false; problem: 'expired'; expiresAt: number };

export function mintLinkToken(claims: LinkClaims, key: string | Uint8Array): string {
  if (!SAFE_MESSAGE_ID.test(claims.messageId))
    throw new TypeError(`not a safe message id: "${claims.messageId}"`);
  if (!Number.isSafeInteger(claims.expiresAt) || claims.expiresAt <= 0) {
    throw new TypeError(`expiresAt must be Unix seconds, not ${claims.expiresAt}`);
  }
  const kind = LINK_PATH[claims.kind];
  const id = Buffer.from(claims.messageId, 'utf8').toString('base64url');
  const signature = sign(keyBytes(key), kind, claims.expiresAt, claims.messageId).toString('base64url');
  return [VERSION, kind, String(claims.expiresAt), id, signature].join('.');
}

/** Checks the signature (in constant time), then the expiry against `now`, then the expected kind. */
export function verifyLinkToken(
  token: string,
  options: { key: string | Uint8Array; now: Date; kind?: LinkKind },
): LinkVerification {
  const claims = readToken(token);
  if (!claims) return { ok: false, problem: 'malformed' };
  const expected = sign(keyBytes(options.key), LINK_PATH[claims.kind], claims.expiresAt, claims.messageId);
  if (claims.signature.length !== expected.length || !timingSafeEqual(claims.signature, expected)) {
    return { ok: false, problem: 'bad-signature' };
  }
  if (claims.expiresAt * 1000 <= options.now.getTime()) {
    return { ok: false, problem: 'expired', expiresAt: claims.expiresAt };
  }
  if (options.kind && options.kind !== claims.kind) return { ok: false, problem: 'wrong-kind' };
  return { ok: true, messageId: claims.messageId, kind: claims.kind, expiresAt: claims.expiresAt };
}

/** `<base>/o/<token>` or `<base>/r/<token>`. */
export function linkUrl(viewerBaseUrl: string, kind: LinkKind, token: string): string {
  return `${viewerBaseUrl.replace(/\/+$/, '')}/${LINK_PATH[kind]}/${token}`;
}

/** The expiry `days` after `now`, in Unix seconds. */
export function linkExpiry(now: Date, days: number): number {
  return Math.floor(now.getTime() / 1000) + Math.round(days * 86_400);
}

function readToken(token: string): (LinkClaims & { signature: Buffer }) | undefined {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return undefined;
  const parts = token.split('.');
  if (parts.length !== 5) return undefined;
  const [version, letter, expires, id, signature] = parts as [string, string, string, string, string];
  const kind = LINK_KINDS.find((k) => LINK_PATH[k] === letter);
  if (version !== VERSION || !kind || !/^[1-9]\d{0,12}$/.test(expires)) return undefined;
  if (!isBase64url(id) || !isBase64url(signature)) return undefined;
  const messageId = Buffer.from(id, 'base64url').toString('utf8');
  if (!SAFE_MESSAGE_ID.test(messageId)) return undefined;
  return { kind, expiresAt: Number(expires), messageId, signature: Buffer.from(signature, 'base64url') };
}

function sign(key: Buffer, kind: string, expiresAt: number, messageId: string): Buffer {
  return createHmac('sha256', key)
    .update(`bounce-doctor-link/${VERSION}\n${kind}\n${expiresAt}\n${messageId}`, 'utf8')
    .digest();
}

function keyBytes(key: string | Uint8Array): Buffer {
  const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : Buffer.from(key);
  if (bytes.length < LINK_KEY_MIN_BYTES) {
    throw new LinkKeyError(`the link key has ${bytes.length} bytes; it needs at least ${LINK_KEY_MIN_BYTES}`);
  }
  return bytes;
}

function isBase64url(text: string): boolean {
  return text.length > 0 && /^[A-Za-z0-9_-]+$/.test(text);
}
