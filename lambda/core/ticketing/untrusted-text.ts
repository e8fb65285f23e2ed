// Mail-derived text (subjects, addresses, a remote server's words) is anyone's text: a forger writes it.
// These pure helpers make it safe in each rendering a ticket system has — one plain line, escaped HTML,
// a Markdown code span — and keep linkifiers from turning it into links. Every ticket system uses them.

/** Characters that reorder or hide text (bidi overrides and isolates, marks) or break a line. */
const HIDDEN = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const BREAKS = /[\p{Cc}\u2028\u2029\u0085]/gu;

/**
 * One line of plain text: control, line-separator and bidi-override characters out (a forger can hide
 * or reorder words with them), white-space runs as one space, cut at `maxChars` with an ellipsis.
 */
export function plainLine(text: string, maxChars = Number.POSITIVE_INFINITY): string {
  const line = text.replace(HIDDEN, '').replace(BREAKS, ' ').replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length > maxChars ? `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…` : line;
}

/** For HTML text and quoted attribute values: & < > " ' as character references. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * URL-looking text written so that no linkifier makes it a link, and a reader still sees where it
 * pointed: `https://evil.example/x` → `https[:]//evil.example/x`, `www.evil.example` → `www[.]evil.example`.
 */
export function defangUrls(text: string): string {
  return text
    .replace(/([A-Za-z][A-Za-z0-9+.-]{0,31}):\/\//g, '$1[:]//')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}[.]`);
}

/** Mail text inside an HTML body: one line, defanged, escaped, in <code> so it reads as quoted words. */
export function untrustedHtml(text: string): string {
  return `<code>${escapeHtml(defangUrls(plainLine(text)))}</code>`;
}

/**
 * Mail text inside Markdown: one line in a code span, fenced with one backtick more than its longest
 * run, so `[text](url)`, `![](img)`, `<a>` and autolinks all stay literal text.
 */
export function markdownCode(text: string): string {
  const line = plainLine(text);
  if (line === '') return '';
  const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}
