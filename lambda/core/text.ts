// Small, bounded text helpers shared by the format parsers and the classifier.

/** Longest text any pattern in the decoder looks at; bounds the work on hostile input. */
export const MATCH_LIMIT = 16_384;

const STATUS_PATTERN = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.]*\d)/;
const REPLY_PATTERN = /(?:^|[\s:(<>[#"'=])([245][0-5]\d)(?=[ -]|$|\))/m;
const FAILURE_REPLY_PATTERN = /(?:^|[\s:(<>[#"'=])([45][0-5]\d)(?=[ -]|$|\))/m;

/** The first RFC 3463 enhanced status code in a text ("5.1.1"), or "". */
export function findStatus(text: string): string {
  const m = STATUS_PATTERN.exec(text.slice(0, MATCH_LIMIT));
  return m ? `${m[1]}.${Number(m[2])}.${Number(m[3])}` : '';
}

/** Every RFC 3463 enhanced status code in a text, in order. */
export function statusesIn(text: string): string[] {
  const all = new RegExp(STATUS_PATTERN.source, 'g');
  return [...text.slice(0, MATCH_LIMIT).matchAll(all)].map((m) => `${m[1]}.${Number(m[2])}.${Number(m[3])}`);
}

/** Positive replies that can stand in a delivery report; other 2xx numbers are exit codes or counts. */
const POSITIVE_REPLIES = new Set(['211', '214', '220', '221', '235', '250', '251', '252']);

/** The first SMTP reply code in a text ("550"), or "". */
export function findReplyCode(text: string): string {
  const sample = text.slice(0, MATCH_LIMIT);
  const m = REPLY_PATTERN.exec(sample);
  const code = m?.[1] ?? '';
  if (!code.startsWith('2')) return code;
  // "220 mx.example.com 421 Service refused": a greeting quoted before the error; the error counts.
  const failure = FAILURE_REPLY_PATTERN.exec(sample)?.[1];
  if (failure) return failure;
  return POSITIVE_REPLIES.has(code) ? code : '';
}

const COMMAND_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/in reply to (?:the )?end of data/i, 'DATA'],
  [/in reply to (?:the )?(rcpt to|mail from|data|helo|ehlo|starttls|auth|bdat|quit)\b/i, ''],
  [/>>> (rcpt|mail|data|helo|ehlo|starttls|auth|bdat)\b/i, ''],
  [/\bafter (?:the )?(?:end of data|data (?:block|transmission)|message was sent)/i, 'DATA'],
  [/\bafter (?:the )?(rcpt to|mail from|data|helo|ehlo|starttls|auth|bdat|quit)\b/i, ''],
  [/\b(?:during|in response to|on) (?:the )?(rcpt to|mail from|data|helo|ehlo|starttls)\b/i, ''],
  // Postfix (smtp_proto.c) words a refusing greeting "host ... refused to talk to me: 554 ...".
  [
    /\bconnection (?:refused|timed out)|\bconnect to .+: |no route to host|greeting|refused to talk to me/i,
    'CONN',
  ],
];

/** The SMTP command a text says was answered with the error ("RCPT", "DATA", ...), or "". */
export function findCommand(text: string): string {
  const sample = text.slice(0, MATCH_LIMIT);
  for (const [pattern, fixed] of COMMAND_PATTERNS) {
    const m = pattern.exec(sample);
    if (m) return fixed || normalizeCommand(m[1] ?? '');
  }
  return '';
}

export function normalizeCommand(word: string): string {
  const upper = word.trim().toUpperCase();
  // Courier's transcript names the greeting ">>> (initial greeting)".
  if (upper.startsWith('(INITIAL')) return 'CONN';
  if (upper.startsWith('RCPT')) return 'RCPT';
  if (upper.startsWith('MAIL')) return 'MAIL';
  return upper.split(/\s/)[0] ?? '';
}

/** A run of the characters an address may hold; an address never spans two runs. */
const ADDRESS_WORD = /[^\s<>"'(),;:[\]\\]+/g;
/** An address at the current position (sticky): a local part, then the last `@` a domain follows. */
const ADDRESS_AT = /[^\s<>"'(),;:[\]\\]+@[A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9]/y;

/**
 * E-mail addresses in a text, in order, without duplicates, lower-cased. Linear: matching the address
 * pattern at every position of a long run without `@` (16 KB of NUL bytes, of letters) took time
 * quadratic in the run's length, 0.8 s for 16 KB; the runs are found first, and the pattern is tried
 * only where a run holds an `@`, anchored: where it fails at a run's start, no later start in the run
 * can succeed (its local part would extend to that start).
 */
export function addressesIn(text: string): string[] {
  const found = new Set<string>();
  for (const [word] of text.slice(0, MATCH_LIMIT).matchAll(ADDRESS_WORD)) {
    if (!word.includes('@')) continue;
    ADDRESS_AT.lastIndex = 0;
    for (let m = ADDRESS_AT.exec(word); m; m = ADDRESS_AT.exec(word)) found.add(m[0].toLowerCase());
  }
  return [...found];
}

/** The first address in a text, lower-cased, or "". */
export function firstAddress(text: string): string {
  return addressesIn(text)[0] ?? '';
}

/** Splits a notice at the first line matching a marker: the text before, and the rest after that line. */
export function splitAtMarker(text: string, markers: readonly RegExp[]): { notice: string; rest: string } {
  let cut = -1;
  let after = -1;
  for (const marker of markers) {
    const m = marker.exec(text);
    if (m && (cut === -1 || m.index < cut)) {
      cut = m.index;
      const eol = text.indexOf('\n', m.index + m[0].length - 1);
      after = eol === -1 ? text.length : eol + 1;
    }
  }
  return cut === -1 ? { notice: text, rest: '' } : { notice: text.slice(0, cut), rest: text.slice(after) };
}

/** Collapses runs of white space into one space and trims. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Joins the lines of a multi-line SMTP reply quoted as one string: "550-5.7.1 Messages with
 * multiple 550-5.7.1 addresses ..." becomes "550 5.7.1 Messages with multiple addresses ...".
 */
export function joinReplyLines(text: string): string {
  const lead = /^([245]\d\d)[- ](?:([245]\.\d{1,3}\.\d{1,3}) )?/.exec(text);
  if (!lead) return text;
  const [, code, status] = lead;
  // Only a reply that really had several lines ("550-...") is rewritten; "552 of 552 bytes" is not.
  if (!text.startsWith(`${code}-`) && !text.includes(` ${code}-`)) return text;
  const continuation = new RegExp(
    `\\s${code}[- ]${status ? `(?:${status.replace(/\./g, '\\.')}\\s?)?` : ''}`,
    'g',
  );
  const rest = text.slice(lead[0].length).replace(continuation, ' ');
  return `${code} ${status ? `${status} ` : ''}${rest}`.replace(/\s+/g, ' ').trim();
}

/**
 * The SMTP command a transcript line sent (">>> RCPT TO:<a@b>" → "RCPT"), or "" for another line.
 * Courier 1.0 indents its session lines by one space (" >>> RCPT TO:<a@b>").
 */
export function sentCommand(line: string): string {
  const sent = /^[ \t]?>>> ?(\S+(?: (?:TO|FROM))?)/i.exec(line);
  return sent ? normalizeCommand(sent[1] ?? '') : '';
}

/** The reply a transcript line received ("<<< 550 5.1.1 ..." → "550 5.1.1 ..."), or undefined. */
export function receivedReply(line: string): string | undefined {
  return /^[ \t]?<<< ?(.*)$/.exec(line)?.[1];
}
