// MIME parsing, through mailparser, behind one function: everything else reads a MailView.
import { type Attachment, simpleParser } from 'mailparser';
import { MailHeaders } from './headers.ts';

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
  /** The returned original message, when attached as a MIME part. */
  attachedOriginal?: { raw: Buffer; headersOnly: boolean };
  /** MIME types of all parts, in order. */
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

const PARSER_OPTIONS = {
  keepDeliveryStatus: true,
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipImageLinks: true,
  skipTextLinks: true,
} as const;

/** Parses one message (LF line endings). Rejects only when mailparser itself fails. */
export async function readMail(message: Buffer): Promise<MailView> {
  const parsed = await simpleParser(message, PARSER_OPTIONS);
  const headers = MailHeaders.parse(parsed.headerLines.map((h) => h.line).join('\n'));
  const [contentType = 'text/plain', reportType = ''] = topContentType(headers.get('content-type'));
  const view: MailView = {
    headers,
    contentType,
    reportType,
    text: noticeText(parsed.text, parsed.html),
    deliveryStatus: [],
    feedbackReport: [],
    partTypes: [],
  };
  for (const attachment of parsed.attachments) addPart(view, attachment);
  return view;
}

function addPart(view: MailView, attachment: Attachment): void {
  const type = attachment.contentType.toLowerCase();
  view.partTypes.push(type);
  if (STATUS_TYPES.has(type)) {
    view.deliveryStatus.push(attachment.content.toString('utf8'));
  } else if (type === 'message/feedback-report') {
    view.feedbackReport.push(attachment.content.toString('utf8'));
  } else if (ORIGINAL_TYPES.has(type) && !view.attachedOriginal) {
    view.attachedOriginal = { raw: attachment.content, headersOnly: ORIGINAL_TYPES.get(type) === true };
  }
}

function topContentType(header: string): [string, string] {
  const [type = '', ...params] = header.split(';');
  const reportType = params.map((p) => /^\s*report-type\s*=\s*"?([^";\s]+)/i.exec(p)?.[1]).find(Boolean);
  return [type.trim().toLowerCase() || 'text/plain', (reportType ?? '').toLowerCase()];
}

function noticeText(text: string | undefined, html: string | false | undefined): string {
  if (text?.trim()) return text.replace(/\r\n?/g, '\n');
  return html ? htmlToPlainText(html) : '';
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
