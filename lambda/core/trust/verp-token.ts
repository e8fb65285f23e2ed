// Signed VERP return paths: the sending side puts a token in the envelope sender of each message, one
// envelope per recipient, and a bounce comes back to that address. A valid token proves the bounce
// answers a message we sent to that recipient; a forger without the key cannot make one. Pure: the key
// and the time are passed in. Format (v1), lower case only (some MTAs fold the local part's case):
//   <mailbox>+v1.<day>.<sig>@<domain>       e.g. bounces+v1.20450.3f9a0c1d2e4b5a697887@bounce.example.com
// day: the last day the token is valid, in whole days since 1970-01-01 UTC;
// sig: the first 20 hex digits (80 bits) of HMAC-SHA256(key, "bounce-doctor-verp/v1\n<day>\n<recipient>"),
// recipient: the address the message was sent to, lower-cased.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { VerpKeyError } from './errors.ts';

const VERSION = 'v1';
const SIG_HEX = 20;
const DAY_MS = 86_400_000;
/** `v1.<day>.<sig>` after the last `+` of the local part. */
const TOKEN = /\+v1\.(\d{1,7})\.([0-9a-f]{20})@/;
/** A shorter key is refused: 32 bytes is the strength of the HMAC itself. */
export const VERP_KEY_MIN_BYTES = 32;

export type VerpProblem = 'no-token' | 'bad-signature' | 'expired';
export type VerpVerification =
  | { ok: true; recipient: string; lastDay: number }
  | { ok: false; problem: VerpProblem };

export interface VerpOptions {
  key: string | Uint8Array;
  now: Date;
}

/** The return path for a message to `recipient`, valid `validDays` from `now` (30 is a good value). */
export function verpReturnPath(
  mailbox: string,
  recipient: string,
  options: VerpOptions & { validDays: number },
): string {
  const at = mailbox.lastIndexOf('@');
  if (at <= 0) throw new TypeError(`not an address: "${mailbox}"`);
  if (!Number.isInteger(options.validDays) || options.validDays < 0) {
    throw new TypeError(`validDays must be a whole number of days, not ${options.validDays}`);
  }
  const day = dayOf(options.now) + options.validDays;
  const local = mailbox.slice(0, at).toLowerCase();
  const domain = mailbox.slice(at + 1).toLowerCase();
  return `${local}+${VERSION}.${day}.${signature(keyBytes(options.key), day, recipient)}@${domain}`;
}

/**
 * Checks the tokens in `returnPaths` (the addresses the bounce was sent to) against the addresses the
 * bounce says it is about: valid when one token's signature matches one of them and it has not expired.
 */
export function verifyVerp(
  returnPaths: readonly string[],
  recipients: readonly string[],
  options: VerpOptions,
): VerpVerification {
  const key = keyBytes(options.key);
  const tokens = returnPaths.flatMap((address) => {
    const match = TOKEN.exec(address.toLowerCase());
    return match?.[1] && match[2] ? [{ day: Number(match[1]), sig: Buffer.from(match[2], 'hex') }] : [];
  });
  if (tokens.length === 0) return { ok: false, problem: 'no-token' };
  const today = dayOf(options.now);
  let expired = false;
  for (const token of tokens) {
    for (const recipient of new Set(recipients.map((r) => r.trim().toLowerCase()).filter(Boolean))) {
      const expected = Buffer.from(signature(key, token.day, recipient), 'hex');
      if (!timingSafeEqual(expected, token.sig)) continue;
      if (token.day >= today) return { ok: true, recipient, lastDay: token.day };
      expired = true;
    }
  }
  return { ok: false, problem: expired ? 'expired' : 'bad-signature' };
}

function signature(key: Buffer, day: number, recipient: string): string {
  return createHmac('sha256', key)
    .update(`bounce-doctor-verp/${VERSION}\n${day}\n${recipient.trim().toLowerCase()}`)
    .digest('hex')
    .slice(0, SIG_HEX);
}

function dayOf(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

function keyBytes(key: string | Uint8Array): Buffer {
  const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : Buffer.from(key);
  if (bytes.length < VERP_KEY_MIN_BYTES) {
    throw new VerpKeyError(
      `the VERP key has ${bytes.length} bytes; at least ${VERP_KEY_MIN_BYTES} are needed`,
    );
  }
  return bytes;
}
