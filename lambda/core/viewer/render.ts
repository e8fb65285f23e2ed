// The viewer's pure rendering: stored mail bytes in, a page or a file name out. The handler verifies
// the link and reads the objects; everything shown is decided here.
import { simpleParser } from 'mailparser';
import { emlContentDisposition } from '../links/content-disposition.ts';
import type { StoredMailKind } from '../links/stored-mail.ts';
import { summarizeBounce } from './bounce-summary.ts';
import type { RenderedPage } from './error-pages.ts';
import { PREVIEW_LIMITS, type PreviewLimits, readMailPreview } from './mail-preview.ts';
import { previewPage } from './preview-page.ts';
import { isStoredDisposition } from './responses.ts';

/** A Function URL answer holds at most 6 MB; a page over this is rendered again, smaller. */
export const MAX_PAGE_BYTES = 5_500_000;
const SMALL_LIMITS: PreviewLimits = {
  textChars: 100_000,
  htmlChars: 0,
  inlineImageBytes: 0,
  htmlBudgetMs: 0,
};

export interface PreviewInput {
  kind: StoredMailKind;
  /** The mail the link opens: the original, or the raw bounce. */
  mail: Uint8Array;
  /** The raw bounce, for the diagnosis (the same bytes as `mail` for a raw-bounce link). */
  rawBounce: Uint8Array | undefined;
  downloadPath: string;
  expiresAt: number;
}

/** `clock` (milliseconds) bounds the HTML body's work (PreviewLimits.htmlBudgetMs). */
export async function renderPreview(
  input: PreviewInput,
  clock: () => number,
  limits = PREVIEW_LIMITS,
): Promise<RenderedPage> {
  const [mail, bounce] = await Promise.all([
    readMailPreview(input.mail, limits, clock),
    input.rawBounce ? summarizeBounce(input.rawBounce) : undefined,
  ]);
  const page = previewPage({ ...input, mail, bounce });
  if (Buffer.byteLength(page.body, 'utf8') <= MAX_PAGE_BYTES || limits === SMALL_LIMITS) return page;
  return renderPreview(input, clock, SMALL_LIMITS);
}

/** The download's Content-Disposition: the one stored with the mail, else one from its subject. */
export async function downloadDisposition(raw: Uint8Array, stored: string | undefined): Promise<string> {
  if (isStoredDisposition(stored)) return stored;
  const mail = await simpleParser(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
    checksumAlgo: false,
  });
  return emlContentDisposition(mail.subject ?? '');
}
