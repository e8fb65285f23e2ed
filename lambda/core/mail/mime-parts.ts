// The MIME tree of a message as a flat list of leaf parts, found with native byte searches.
//
// A bounce decoder needs the parts' types and bodies, not a full MIME model: this walks multipart
// bodies by their delimiter lines (RFC 2046) with Buffer.indexOf, never descends into a returned
// message/rfc822, and decodes nothing. Header fields are read by MailHeaders, parameters by libmime.
import libmime from 'libmime';
import { MailHeaders } from './headers.ts';

export interface MimeLeaf {
  /** Lower-cased MIME type; text/plain when the part says none (message/rfc822 in a digest). */
  type: string;
  charset: string;
  /** Lower-cased Content-Transfer-Encoding. */
  encoding: string;
  /** Lower-cased Content-Disposition value ("attachment", "inline", or ""). */
  disposition: string;
  /** The part's body, still transfer-encoded (a view into the message, not a copy). */
  body: Buffer;
}

export interface MimeMessage {
  headers: MailHeaders;
  leaves: MimeLeaf[];
}

/** Nesting deeper than this is read as an opaque leaf: no bounce nests that deep. */
const MAX_DEPTH = 16;
const LF = 0x0a;
/** How far into a multipart body a delimiter is looked for when the declared one fails. */
const GUESS_WINDOW = 16 * 1024;

/** Splits a message (LF line endings) into its top-level headers and leaf parts. Never throws. */
export function splitMime(message: Buffer): MimeMessage {
  const { head, body } = splitHead(message);
  const headers = MailHeaders.parse(head);
  const leaves: MimeLeaf[] = [];
  walk(headers, body, 'text/plain', 0, leaves);
  return { headers, leaves };
}

function walk(headers: MailHeaders, body: Buffer, defaultType: string, depth: number, out: MimeLeaf[]): void {
  const contentType = libmime.parseHeaderValue(headers.get('content-type') || defaultType);
  const type = contentType.value.toLowerCase() || defaultType;
  if (type.startsWith('multipart/') && depth < MAX_DEPTH) {
    const parts = splitMultipart(body, contentType.params.boundary ?? '');
    if (parts.length > 0) {
      const childDefault = type === 'multipart/digest' ? 'message/rfc822' : 'text/plain';
      for (const part of parts) {
        const split = splitHead(part);
        walk(MailHeaders.parse(split.head), split.body, childDefault, depth + 1, out);
      }
      return;
    }
  }
  out.push({
    // A multipart whose delimiters are not found is read as text: its notice is still in there.
    type: type.startsWith('multipart/') ? 'text/plain' : type,
    charset: (contentType.params.charset ?? '').toLowerCase().trim(),
    encoding: headers.get('content-transfer-encoding').toLowerCase().trim(),
    disposition: (headers.get('content-disposition').split(';')[0] ?? '').toLowerCase().trim(),
    body,
  });
}

/**
 * The bodies between "--boundary" delimiter lines, up to "--boundary--" (or the end). When the
 * declared boundary is missing or never used (a broken header fold loses it), the first line that
 * looks like a delimiter in the body is taken instead.
 */
function splitMultipart(body: Buffer, declared: string): Buffer[] {
  const parts = declared ? partsBetween(body, declared) : [];
  if (parts.length > 0) return parts;
  const guessed = /^--([^\s-][^\s]{5,200}?)(?:--)?[ \t]*$/m.exec(
    body.toString('latin1', 0, GUESS_WINDOW),
  )?.[1];
  return guessed && guessed !== declared ? partsBetween(body, guessed) : [];
}

function partsBetween(body: Buffer, boundary: string): Buffer[] {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const parts: Buffer[] = [];
  let at = findDelimiter(body, delimiter, 0);
  while (at !== -1) {
    const afterDelimiter = at + delimiter.length;
    if (body[afterDelimiter] === 0x2d && body[afterDelimiter + 1] === 0x2d) break; // "--boundary--"
    const lineEnd = body.indexOf(LF, afterDelimiter);
    if (lineEnd === -1) break;
    const next = findDelimiter(body, delimiter, lineEnd);
    // The line break before the next delimiter belongs to the delimiter, not to the part.
    const end = next === -1 ? body.length : Math.max(lineEnd + 1, next - 1);
    parts.push(body.subarray(lineEnd + 1, end));
    at = next;
  }
  return parts;
}

/** Index of the next delimiter that starts a line at or after `from`, or -1. */
function findDelimiter(body: Buffer, delimiter: Buffer, from: number): number {
  let at = from;
  for (;;) {
    const hit = body.indexOf(delimiter, at);
    if (hit === -1) return -1;
    if ((hit === 0 || body[hit - 1] === LF) && endsDelimiter(body, hit + delimiter.length)) return hit;
    at = hit + 1;
  }
}

/** "--b1" is a delimiter line only when the boundary ends there: "--b12" is another part's. */
function endsDelimiter(body: Buffer, at: number): boolean {
  const next = body[at];
  if (next === undefined || next === LF || next === 0x20 || next === 0x09 || next === 0x0d) return true;
  return next === 0x2d && body[at + 1] === 0x2d;
}

/** A header block (up to the first empty line) and the body after it. A part may have no headers. */
function splitHead(message: Buffer): { head: string; body: Buffer } {
  if (message[0] === LF) return { head: '', body: message.subarray(1) };
  const end = message.indexOf('\n\n');
  if (end === -1) return { head: message.toString('utf8'), body: Buffer.alloc(0) };
  return { head: message.toString('utf8', 0, end + 1), body: message.subarray(end + 2) };
}
