// The links' HMAC keys, each with an id that the token names, so a key can be rotated without voiding
// the links already in tickets: sign with the current key, accept any listed one. Pure: the secret's
// text is passed in. Formats: the key itself; `{"key": "…"}`; or, during a rotation,
// `{"current": "<id>", "keys": {"<id>": "…", "<other id>": "…"}}`. A bare key has the id "0".
import { LinkKeyError } from './errors.ts';

export interface LinkKeys {
  /** The id of the key new links are signed with. */
  currentId: string;
  /** Every key a link may be signed with, by id. */
  keys: ReadonlyMap<string, Buffer>;
}

/** A bare key (string or bytes) stands for a ring of one, id "0". */
export type LinkKeyInput = string | Uint8Array | LinkKeys;

/** A shorter key is refused: 32 bytes is the strength of the HMAC itself. */
export const LINK_KEY_MIN_BYTES = 32;
export const BARE_KEY_ID = '0';
export const LINK_KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;

export function linkKeysOf(input: LinkKeyInput): LinkKeys {
  if (typeof input === 'string' || input instanceof Uint8Array) {
    return { currentId: BARE_KEY_ID, keys: new Map([[BARE_KEY_ID, keyBytes(BARE_KEY_ID, input)]]) };
  }
  return input;
}

/** The keys in a secret's text (see the file header for the formats). */
export function parseLinkKeys(secret: string): LinkKeys {
  if (!secret.trimStart().startsWith('{')) return linkKeysOf(secret);
  let parsed: unknown;
  try {
    parsed = JSON.parse(secret);
  } catch (error) {
    throw new LinkKeyError('the link key secret starts with "{" but is not JSON', { cause: error });
  }
  const body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  if (typeof body.key === 'string') return linkKeysOf(body.key);
  const { current, keys } = body;
  if (typeof current !== 'string' || typeof keys !== 'object' || keys === null) {
    throw new LinkKeyError('the link key secret must be the key, {"key": …}, or {"current": …, "keys": {…}}');
  }
  const ring = new Map<string, Buffer>();
  for (const [id, key] of Object.entries(keys)) {
    if (!LINK_KEY_ID.test(id)) throw new LinkKeyError(`link key id "${id}": 1-16 letters, digits, _ or -`);
    if (typeof key !== 'string') throw new LinkKeyError(`link key "${id}" is not a string`);
    ring.set(id, keyBytes(id, key));
  }
  if (!ring.has(current)) throw new LinkKeyError(`the current link key "${current}" is not among the keys`);
  return { currentId: current, keys: ring };
}

function keyBytes(id: string, key: string | Uint8Array): Buffer {
  const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : Buffer.from(key);
  if (bytes.length < LINK_KEY_MIN_BYTES) {
    throw new LinkKeyError(
      `the link key "${id}" has ${bytes.length} bytes; it needs at least ${LINK_KEY_MIN_BYTES}`,
    );
  }
  return bytes;
}
