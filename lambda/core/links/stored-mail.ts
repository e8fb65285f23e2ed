// The mails a ticket links to, as the bounce handler stores them under the originals prefix and the
// viewer reads them: `<id>.eml` (the returned original) and `<id>.bounce.eml` (the raw bounce). Both
// live under one prefix so the viewer's role can read that prefix and nothing else.
import type { LinkKind } from './link-token.ts';

export const STORED_MAIL_KINDS = ['original', 'bounce'] as const;
export type StoredMailKind = (typeof STORED_MAIL_KINDS)[number];

export const STORED_MAIL_SUFFIX: Readonly<Record<StoredMailKind, string>> = {
  original: '.eml',
  bounce: '.bounce.eml',
};

/** Which stored mail a link opens: `/o/` the original, `/r/` the raw bounce. */
export const STORED_MAIL_OF_LINK: Readonly<Record<LinkKind, StoredMailKind>> = {
  original: 'original',
  raw: 'bounce',
};

/** The object's name under the originals prefix (or the file's name in a local folder). */
export function storedMailName(sesMessageId: string, kind: StoredMailKind): string {
  return `${sesMessageId}${STORED_MAIL_SUFFIX[kind]}`;
}
