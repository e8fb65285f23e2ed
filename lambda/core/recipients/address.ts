// Recipient addresses as notices write them, made plain: "<a@b>.", "SMTP:a@b;", "'a@b'," → "a@b".

/** Address-type prefixes that notices write before an address (X.400 "SMTP=", "mailto:", DSN "rfc822;"). */
const TYPE_PREFIX = /^(?:(?:rfc822|smtp|mailto|x-local)\s*[:;=]\s*)+/i;
/** Punctuation that surrounds an address in prose; none of it ends an address. */
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', '>', ')', ']', '}', '"', "'", '`']);
const LEADING = new Set(['<', '(', '[', '{', '"', "'", '`']);

/**
 * An address as a notice writes it, lower-cased and stripped of surrounding punctuation, quotes,
 * brackets and an address-type prefix. What is not a plain `local@domain` (a pipe, a file, a source
 * route, a bare local part) is returned lower-cased but otherwise as given: the DSN reader has already
 * chosen it on purpose.
 */
export function cleanAddress(raw: string): string {
  let address = raw.trim().toLowerCase().replace(TYPE_PREFIX, '');
  const at = address.lastIndexOf('@');
  if (at <= 0) return raw.trim().toLowerCase();
  let start = 0;
  let end = address.length;
  while (end > at + 1 && TRAILING.has(address[end - 1] ?? '')) end--;
  // A quote opens a quoted local part ("a b"@c) only when it closes before the `@`.
  while (start < at && LEADING.has(address[start] ?? '') && !closesBeforeAt(address, start, at)) start++;
  address = address.slice(start, end).replace(TYPE_PREFIX, '');
  return address.includes('@') ? address : raw.trim().toLowerCase();
}

function closesBeforeAt(address: string, start: number, at: number): boolean {
  const open = address[start];
  return open === '"' && address.indexOf('"', start + 1) === at - 1;
}

/** A plain mail address: a local part, one `@`, a domain with a dot (or an IP literal). */
export function isPlainAddress(address: string): boolean {
  return /^[^\s@<>"(),;:[\]\\]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62}\.)+[\p{L}\p{N}-]{1,63}|\[[\d.:a-f]+\])$/iu.test(
    address.slice(0, 320),
  );
}

/** What may stand before an address: quotes, brackets, a type prefix; the first form also a quoted name. */
const LEADS = [
  /[\s'<([{`]*"[^"\n]{0,100}"\s*<(?:(?:rfc822|smtp|mailto)\s*[:;=]\s*)?/iy,
  /[\s"'<([{`]*(?:(?:rfc822|smtp|mailto)\s*[:;=]\s*)?[<"']?/iy,
];
/** A local part, `@`, and a domain of letters, digits, dots and hyphens (trimmed of its end dots). */
const LOCAL_AT_DOMAIN = /[^\s<>"'(),;:[\]\\@]{1,64}@[\p{L}\p{N}][\p{L}\p{N}.-]{0,252}/uy;

export interface LeadingAddress {
  address: string;
  /** The text after the address and its closing punctuation. */
  rest: string;
}

/**
 * The address at the start of a text ("  <a@b>: 550 ..." → a@b, ": 550 ..."), or undefined. Linear:
 * both patterns are sticky and hold no nested quantifier.
 */
export function leadingAddress(text: string): LeadingAddress | undefined {
  for (const lead of LEADS) {
    lead.lastIndex = 0;
    if (!lead.exec(text)) continue;
    LOCAL_AT_DOMAIN.lastIndex = lead.lastIndex;
    const m = LOCAL_AT_DOMAIN.exec(text);
    if (!m) continue;
    const address = cleanAddress(m[0].replace(/[.-]+$/, ''));
    if (!isPlainAddress(address)) continue;
    return { address, rest: text.slice(LOCAL_AT_DOMAIN.lastIndex).replace(/^[>"')\]}]*/, '') };
  }
  return undefined;
}
