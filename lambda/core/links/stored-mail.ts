// The mails a ticket links to, as the bounce handler stores them under the originals prefix and the
// viewer reads them: `<id>.eml` (the returned original) and `<id>.bounce.eml` (the raw bounce). Both
// live under one prefix so the viewer's role can read that prefix and nothing else.

/** The returned original and the raw bounce: what is stored, and what a link opens. */
export const STORED_MAIL_KINDS = ['original', 'rawBounce'] as const;
export type StoredMailKind = (typeof STORED_MAIL_KINDS)[number];

export const STORED_MAIL_SUFFIX: Readonly<Record<StoredMailKind, string>> = {
  original: '.eml',
  rawBounce: '.bounce.eml',
};

/** The object's name under the originals prefix (or the file's name in a local folder). */
export function storedMailName(sesMessageId: string, kind: StoredMailKind): string {
  return `${sesMessageId}${STORED_MAIL_SUFFIX[kind]}`;
}
