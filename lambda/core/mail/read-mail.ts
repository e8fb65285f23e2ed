// MIME parsing behind one function: everything else reads a MailView.
//
// The MIME tree is split by mime-parts.ts, so a returned message/rfc822 part stays one opaque part
// (mailparser's simpleParser would descend into an inline returned message and mix its text into the
// notice). Only the parts a diagnosis reads are decoded (text, delivery-status, feedback-report),
// with mailparser's own decoders (libqp, libbase64, libmime charsets); HTML is stripped crudely only
// when there is no text part, and attachments are never decoded.
import { decode as decodeBase64 } from 'libbase64';
import { decode as decodeCharset } from 'libmime/lib/charset.js';
import { decode as decodeQuotedPrintable } from 'libqp';
import type { MailHeaders } from './headers.ts';
import { type MimeLeaf, splitMime } from './mime-parts.ts';

/** The parts of a mail that a bounce decoder reads. */
export interface MailView {
  /** Top-level headers of the bounce. */
  headers: MailHeaders;
  /** Top-level MIME type, lower-cased, e.g. "multipart/report". */
  contentType: string;
  /** `report-type` parameter of a multipart/report, lower-cased; "" otherwise. */
  reportType: string;
  /** The notice text: a non-MIME body, or the text parts outside any attached message. LF line ends. */
  text: string;
  /** message/delivery-status and message/global-delivery-status parts. */
  deliveryStatus: string[];
  /** message/feedback-report parts (RFC 5965). */
  feedbackReport: string[];
  /** message/disposition-notification parts (RFC 8098 MDNs; Sieve's RFC 5429 rejections). */
  dispositionNotification: string[];
  /** The returned original message, when attached as a MIME part. */
  attachedOriginal?: { raw: Buffer; headersOnly: boolean };
  /** MIME types of all leaf parts, in order. */
  partTypes: string[];
}

const ORIGINAL_TYPES = new Map<string, boolean>([
  ['message/rfc822', false],
  ['message/global', false],
  ['text/rfc822-headers', true],
  ['message/rfc822-headers', true],
  ['message/global-headers', true],
]);
const STATUS_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
const MDN_TYPES = new Set(['message/disposition-notification', 'message/global-disposition-notification']);
/** Charsets that are UTF-8 or its subset: Node decodes them directly, without a charset table. */
const NATIVE_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);
/** How much of an unparseable body is read as the notice. */
const MAX_BODY_AS_TEXT = 1024 * 1024;

/** Parses one message (LF line endings). Never throws on bad MIME: what it cannot split it reads as text. */
export function readMail(message: Buffer): MailView {
  const { headers, leaves } = splitMime(message);
  const [contentType, reportType] = topContentType(headers.get('content-type'));
  const view: MailView = {
    headers,
    contentType,
    reportType,
    text: '',
    deliveryStatus: [],
    feedbackReport: [],
    dispositionNotification: [],
    partTypes: leaves.map((leaf) => leaf.type),
  };
  const texts: string[] = [];
  const htmls: string[] = [];
  for (const leaf of leaves) {
    const attachment = leaf.disposition === 'attachment';
    if (STATUS_TYPES.has(leaf.type)) view.deliveryStatus.push(decodeText(leaf));
    else if (leaf.type === 'message/feedback-report') view.feedbackReport.push(decodeText(leaf));
    else if (MDN_TYPES.has(leaf.type)) view.dispositionNotification.push(decodeText(leaf));
    else if (ORIGINAL_TYPES.has(leaf.type)) {
      view.attachedOriginal ??= {
        raw: decodeTransfer(leaf),
        headersOnly: ORIGINAL_TYPES.get(leaf.type) === true,
      };
    } else if (leaf.type === 'text/plain' && !attachment) texts.push(decodeText(leaf));
    else if (leaf.type === 'text/html' && !attachment) htmls.push(decodeText(leaf));
  }
  view.text = texts.length > 0 ? texts.join('\n') : htmls.map(htmlToPlainText).join('\n');
  // A multipart whose boundary does not match its delimiter lines yields no parts at all: the notice
  // is still in the body, so read the body as text rather than lose the bounce.
  if (!view.text.trim() && view.deliveryStatus.length === 0) view.text = bodyOf(message);
  return view;
}

function decodeTransfer(leaf: MimeLeaf): Buffer {
  if (leaf.encoding === 'base64') return decodeBase64(leaf.body.toString('latin1'));
  if (leaf.encoding === 'quoted-printable') return decodeQuotedPrintable(leaf.body.toString('latin1'));
  return leaf.body;
}

function decodeText(leaf: MimeLeaf): string {
  const bytes = decodeTransfer(leaf);
  const charset = leaf.charset || guessCharset(bytes);
  const text = !charset || NATIVE_CHARSETS.has(charset) ? utf8(bytes) : decodeCharset(bytes, charset);
  return text.replace(/\r\n?/g, '\n');
}

// Japanese mobile carriers send ISO-2022-JP without declaring it: its escape sequence gives it away.
function guessCharset(bytes: Buffer): string {
  return bytes.includes('\x1b$B') || bytes.includes('\x1b$@') ? 'iso-2022-jp' : '';
}

function utf8(bytes: Buffer): string {
  return bytes.toString('utf8');
}

function bodyOf(message: Buffer): string {
  const end = message.indexOf('\n\n');
  return end === -1 ? '' : utf8(message.subarray(end + 2, end + 2 + MAX_BODY_AS_TEXT));
}

function topContentType(header: string): [string, string] {
  const [type = '', ...params] = header.split(';');
  const reportType = params.map((p) => /^\s*report-type\s*=\s*"?([^";\s]+)/i.exec(p)?.[1]).find(Boolean);
  return [type.trim().toLowerCase() || 'text/plain', (reportType ?? '').toLowerCase()];
}

// Bounces that come as HTML only still carry their error text; a crude strip is enough for matching.
function htmlToPlainText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<(br|\/p|\/div|\/tr|\/li|\/h\d)[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
