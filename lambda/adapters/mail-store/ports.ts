// What the bounce handler needs from storage: the raw mail by SES message id, and a place for originals.

export interface IncomingMail {
  /** The raw mail SES stored; refuses more than 40 MB. */
  read(sesMessageId: string): Promise<Uint8Array>;
}

export interface StoredOriginal {
  raw: Uint8Array;
  /** The Content-Disposition the download carries (named after the subject). */
  contentDisposition: string;
}

export interface OriginalStore {
  /** Stores `originals/<id>.eml` as message/rfc822; resolves to where it went. */
  put(sesMessageId: string, original: StoredOriginal): Promise<string>;
}
