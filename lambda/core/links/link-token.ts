// Signed, expiring tokens for the viewer links in tickets (the original message, the raw bounce).
// Pure: the keys and the time are passed in. Format (v2), every part URL-safe:
//   v2.<key id>.<kind>.<expires>.<id>.<signature>
// key id: which link key signed it (link-keys.ts), so keys rotate without voiding links; kind "o"
// (original) or "r" (raw bounce); expires: Unix seconds; id: base64url of the SES message id; signature:
// base64url of HMAC-SHA256(key, "bounce-doctor-link/v2\n<key id>\n<kind>\n<expires>\n<message id>").
// Each part has one spelling: base64url with spare bits set, padding or a leading zero is malformed.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { LINK_KEY_ID, type LinkKeyInput, linkKeysOf } from './link-keys.ts';
import { STORED_MAIL_KINDS, type StoredMailKind } from './stored-mail.ts';

/** The kind's letter in the token and its path segment in the viewer URL. */
export const LINK_PATH: Readonly<Record<StoredMailKind, 'o' | 'r'>> = { original: 'o', rawBounce: 'r' };

/** Longer input is not a token; verifying stops before any work. */
const MAX_TOKEN_LENGTH = 1024;
const VERSION = 'v2';
const SIGNATURE_BYTES = 32;
/** Message ids the links (and the stored objects' keys) accept: SES ids and file-name-like ids. */
export const SAFE_MESSAGE_ID = /^[A-Za-z0-9][A-Za-z0-9._+=-]{0,254}$/;

export interface LinkClaims {
  messageId: string;
  kind: StoredMailKind;
  /** Unix seconds. */
  expiresAt: number;
}

export type LinkProblem = 'malformed' | 'unknown-key' | 'bad-signature' | 'wrong-kind';

export type LinkVerification =
  | ({ ok: true; keyId: string } & LinkClaims)
  | { ok: false; problem: LinkProblem }
  /** Only a token with a good signature is told expired, so its expiry is the one the system wrote. */
  | { ok: false; problem: 'expired'; expiresAt: number };

/** Signed with the current key of `keys` (a bare key is a ring of one). */
export function mintLinkToken(claims: LinkClaims, keys: LinkKeyInput): string {
  if (!SAFE_MESSAGE_ID.test(claims.messageId))
    throw new TypeError(`not a safe message id: "${claims.messageId}"`);
  if (!Number.isSafeInteger(claims.expiresAt) || claims.expiresAt <= 0) {
    throw new TypeError(`expiresAt must be Unix seconds, not ${claims.expiresAt}`);
  }
  const ring = linkKeysOf(keys);
  const key = ring.keys.get(ring.currentId) as Buffer;
  const kind = LINK_PATH[claims.kind];
  const id = Buffer.from(claims.messageId, 'utf8').toString('base64url');
  const signature = sign(key, ring.currentId, kind, claims.expiresAt, claims.messageId).toString('base64url');
  return [VERSION, ring.currentId, kind, String(claims.expiresAt), id, signature].join('.');
}

/**
 * Checks the signature (in constant time) with the key the token names, then the expiry against
 * `now`, then the expected kind. A key id not in `keys` is `unknown-key` (the keys may have rotated).
 */
export function verifyLinkToken(
  token: string,
  options: { key: LinkKeyInput; now: Date; kind?: StoredMailKind },
): LinkVerification {
  const claims = readToken(token);
  if (!claims) return { ok: false, problem: 'malformed' };
  const key = linkKeysOf(options.key).keys.get(claims.keyId);
  if (!key) return { ok: false, problem: 'unknown-key' };
  const expected = sign(key, claims.keyId, LINK_PATH[claims.kind], claims.expiresAt, claims.messageId);
  if (!timingSafeEqual(claims.signature, expected)) return { ok: false, problem: 'bad-signature' };
  if (claims.expiresAt * 1000 <= options.now.getTime()) {
    return { ok: false, problem: 'expired', expiresAt: claims.expiresAt };
  }
  if (options.kind && options.kind !== claims.kind) return { ok: false, problem: 'wrong-kind' };
  const { messageId, kind, expiresAt, keyId } = claims;
  return { ok: true, messageId, kind, expiresAt, keyId };
}

/** `<base>/o/<token>` or `<base>/r/<token>`. */
export function linkUrl(viewerBaseUrl: string, kind: StoredMailKind, token: string): string {
  return `${viewerBaseUrl.replace(/\/+$/, '')}/${LINK_PATH[kind]}/${token}`;
}

/** The expiry `days` after `now`, in Unix seconds. */
export function linkExpiry(now: Date, days: number): number {
  return Math.floor(now.getTime() / 1000) + Math.round(days * 86_400);
}

function readToken(token: string): (LinkClaims & { keyId: string; signature: Buffer }) | undefined {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return undefined;
  const parts = token.split('.');
  if (parts.length !== 6) return undefined;
  const [version, keyId, letter, expires, id, signature] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const kind = STORED_MAIL_KINDS.find((k) => LINK_PATH[k] === letter);
  if (version !== VERSION || !LINK_KEY_ID.test(keyId) || !kind || !/^[1-9]\d{0,12}$/.test(expires)) {
    return undefined;
  }
  const idBytes = canonicalBase64url(id);
  const signatureBytes = canonicalBase64url(signature);
  if (!idBytes || signatureBytes?.length !== SIGNATURE_BYTES) return undefined;
  const messageId = idBytes.toString('utf8');
  if (!SAFE_MESSAGE_ID.test(messageId)) return undefined;
  return { keyId, kind, expiresAt: Number(expires), messageId, signature: signatureBytes };
}

/** The bytes of `text` if it is base64url as `toString('base64url')` writes it, and nothing else. */
function canonicalBase64url(text: string): Buffer | undefined {
  if (text.length === 0 || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}

function sign(key: Buffer, keyId: string, kind: string, expiresAt: number, messageId: string): Buffer {
  return createHmac('sha256', key)
    .update(`bounce-doctor-link/${VERSION}\n${keyId}\n${kind}\n${expiresAt}\n${messageId}`, 'utf8')
    .digest();
}
