// A stored mail read for display with mailparser's full MIME parser: the headers a support person looks
// at, the text body, the HTML body sanitised into a document for a sandboxed iframe, and the
// attachments by name and size. Charsets (ISO-2022-JP, Shift_JIS, …) are decoded by mailparser.
// Pure; the caps keep the page inside a Lambda response.
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import { FONT_STACK } from './page-style.ts';
import { PreviewTooComplex, type RenderBudget, renderBudget } from './render-budget.ts';
import { type InlineImage, sanitizeMailHtml } from './sanitize-mail-html.ts';

export interface AttachmentEntry {
  name: string;
  contentType: string;
  bytes: number;
  /** An image the HTML body shows by its Content-ID. */
  inline: boolean;
}

export interface MailPreview {
  subject: string;
  from: string;
  to: string;
  cc: string;
  /** The Date header as the mail states it (time zone included). */
  date: string;
  messageId: string;
  text: { content: string; truncated: boolean } | undefined;
  html:
    | { status: 'shown'; srcdoc: string; blockedImages: number; droppedStyleSheets: number }
    | { status: 'too-large' }
    /** Too many tags, or past the render budget: offered as a download only. */
    | { status: 'too-complex' }
    | undefined;
  attachments: AttachmentEntry[];
}

export interface PreviewLimits {
  /** Characters of the text body shown; the rest is in the download. */
  textChars: number;
  /** Characters of the iframe's document; a larger HTML body is not shown. */
  htmlChars: number;
  /** Bytes of inline images turned into data: URLs. */
  inlineImageBytes: number;
  /** Milliseconds the HTML body may take to make safe; past them it is a download only. */
  htmlBudgetMs: number;
}

/** Sized so the page stays well under a Lambda Function URL's 6 MB response. */
export const PREVIEW_LIMITS: PreviewLimits = {
  textChars: 300_000,
  htmlChars: 2_500_000,
  inlineImageBytes: 1_000_000,
  htmlBudgetMs: 750,
};

/** `clock` (milliseconds, e.g. `performance.now`) times the HTML body against `limits.htmlBudgetMs`. */
export async function readMailPreview(
  raw: Uint8Array,
  limits: PreviewLimits,
  clock: () => number,
): Promise<MailPreview> {
  let mail: ParsedMail;
  try {
    mail = await simpleParser(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), {
      keepCidLinks: true,
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      checksumAlgo: false,
    });
  } catch (error) {
    // Over mailparser's own bounds (1,000 MIME parts, a huge header): nothing to show but the download.
    if ((error as { code?: string }).code === 'EMAXLEN') return UNREADABLE;
    throw error;
  }
  const text = mail.text?.replace(/\r\n?/g, '\n');
  return {
    subject: mail.subject ?? '',
    from: addresses(mail.from),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    date: headerValue(mail, 'date') || (mail.date ? mail.date.toISOString() : ''),
    messageId: mail.messageId ?? '',
    text: text?.trim()
      ? { content: text.slice(0, limits.textChars), truncated: text.length > limits.textChars }
      : undefined,
    html: mail.html
      ? htmlPreview(mail.html, inlineImages(mail), limits, renderBudget(clock, limits.htmlBudgetMs))
      : undefined,
    attachments: mail.attachments.map((a) => ({
      name: a.filename ?? '',
      contentType: a.contentType,
      bytes: a.size,
      inline: Boolean(a.related && a.cid),
    })),
  };
}

const UNREADABLE: MailPreview = {
  subject: '',
  from: '',
  to: '',
  cc: '',
  date: '',
  messageId: '',
  text: undefined,
  html: { status: 'too-complex' },
  attachments: [],
};

function htmlPreview(
  html: string,
  inline: ReadonlyMap<string, InlineImage>,
  limits: PreviewLimits,
  budget: RenderBudget,
): MailPreview['html'] {
  if (html.length > limits.htmlChars) return { status: 'too-large' };
  let clean: ReturnType<typeof sanitizeMailHtml>;
  try {
    clean = sanitizeMailHtml(html, inline, limits.inlineImageBytes, budget);
  } catch (error) {
    if (error instanceof PreviewTooComplex) return { status: 'too-complex' };
    throw error;
  }
  const srcdoc =
    '<!doctype html><html lang="ja"><head><meta charset="utf-8">' +
    `<style>html{color-scheme:light}body{margin:12px;font-family:${FONT_STACK};` +
    'line-height:1.6;overflow-wrap:anywhere}img{max-width:100%;height:auto}</style></head>' +
    `<body>${clean.html}</body></html>`;
  if (srcdoc.length > limits.htmlChars) return { status: 'too-large' };
  return {
    status: 'shown',
    srcdoc,
    blockedImages: clean.blockedImages,
    droppedStyleSheets: clean.droppedStyleSheets,
  };
}

/** The mail's own parts that HTML may show by Content-ID. */
function inlineImages(mail: ParsedMail): Map<string, InlineImage> {
  const images = new Map<string, InlineImage>();
  for (const part of mail.attachments) {
    if (part.cid) images.set(part.cid, { contentType: part.contentType, content: part.content });
  }
  return images;
}

function addresses(header: AddressObject | AddressObject[] | undefined): string {
  if (!header) return '';
  return (Array.isArray(header) ? header : [header]).map((h) => h.text).join(', ');
}

/** A header's value as written (unfolded), e.g. the Date with its original time zone. */
function headerValue(mail: ParsedMail, name: string): string {
  const line = mail.headerLines.find((h) => h.key === name)?.line ?? '';
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}
