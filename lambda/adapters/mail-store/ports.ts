// What the bounce handler and the viewer need from storage: the raw mail by SES message id, a place for
// the mails a ticket links to (the original, the raw bounce), and reading those back.
import type { StoredMailKind } from '../../core/links/stored-mail.ts';

export interface IncomingMail {
  /** The raw mail SES stored; refuses more than 40 MB. */
  read(sesMessageId: string): Promise<Uint8Array>;
}

export interface StoredMail {
  raw: Uint8Array;
  /** The Content-Disposition the download carries (named after the subject). */
  contentDisposition: string;
}

export interface OriginalStore {
  /**
   * Stores `originals/<id>.eml` (the original) or `originals/<id>.bounce.eml` (the raw bounce) as
   * message/rfc822; resolves to where it went.
   */
  put(sesMessageId: string, kind: StoredMailKind, mail: StoredMail): Promise<string>;
}

/** A stored mail read back: missing, larger than the reader was asked to take, or the mail itself. */
export type StoredMailRead =
  | { status: 'missing' }
  | { status: 'too-large'; bytes: number }
  | { status: 'found'; raw: Uint8Array; contentDisposition?: string };

export interface StoredMailReader {
  /** The stored mail; `too-large` (without reading the body) when it has more than `maxBytes`. */
  read(sesMessageId: string, kind: StoredMailKind, maxBytes: number): Promise<StoredMailRead>;
  /**
   * A short-lived URL that fetches the stored mail directly, for a download too large for a Lambda
   * response; absent where no such URL exists (local folders).
   */
  directUrl?(sesMessageId: string, kind: StoredMailKind): Promise<string>;
}
