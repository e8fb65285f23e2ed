// The codes in a server's words: SMTP reply codes ("550", RFC 5321 and its extensions) and enhanced
// status codes ("5.1.1", RFC 3463; a DSN's Status field, the probe's enhancedCode). One vocabulary for
// the decoder and the probe: a reply code is three digits, a status is class.subject.detail.
import { MATCH_LIMIT } from '../text.ts';

/** An enhanced status code: class 2, 4 or 5, then subject and detail of up to three digits each. */
export const ENHANCED_STATUS = String.raw`[245]\.\d{1,3}\.\d{1,3}`;

const STATUS_PATTERN = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.]*\d)/;

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

/** RFC 5321, 1870, 1985, 2645, 3030, 3207, 4954, 5248, 7504 reply codes. */
const REPLY_CODES: ReadonlySet<string> = new Set(
  [
    '211 214 220 221 235 250 251 252 253 334 354',
    '421 422 430 432 450 451 452 453 454 455 458 459',
    '500 501 502 503 504 521 523 524 525 530 533 534 535 538 550 551 552 553 554 555 556',
  ]
    .join(' ')
    .split(' '),
);

/** True when a string is an SMTP reply code that the RFCs define. */
export function isSmtpReplyCode(code: string): boolean {
  return REPLY_CODES.has(code);
}

/** True when a string is a failure reply code (4xx, 5xx) that the RFCs define. */
export function isSmtpFailureCode(code: string): boolean {
  return (code[0] === '4' || code[0] === '5') && REPLY_CODES.has(code);
}

// A code stands alone: not part of a number, an IP address, a version, a path or a host name.
const CANDIDATE = /(?<![\w./@-])([2-5]\d\d)(?![\w./@])/g;

/**
 * The first SMTP reply code in a text that the RFCs define, or "": a three-digit number in an error
 * text is taken for a reply code only when it is one of them (a "522" or a "571" is a server's
 * invention, not SMTP). A failure code (4xx, 5xx) is preferred to a positive one, and with a status
 * code ("4.2.1") one of the same class: "220-banner 421 4.2.1 ..." is 421.
 */
export function findSmtpReplyCode(text: string, status = ''): string {
  const sample = text.slice(0, MATCH_LIMIT);
  if (/\bx-unix\b/i.test(sample.slice(0, 64))) return '';
  const wanted = /^[245]/.test(status) ? status[0] : '';
  let fallback = '';
  for (const m of sample.matchAll(CANDIDATE)) {
    const code = m[1] ?? '';
    if (!REPLY_CODES.has(code)) continue;
    const failure = code[0] === '4' || code[0] === '5';
    if (wanted ? code[0] === wanted : failure) return code;
    // A failure is not answered with a positive reply (a greeting banner, "250 OK" before the error).
    if (wanted ? failure && wanted !== '2' : true) fallback ||= code;
  }
  return fallback;
}

const REPLY_PATTERN = /(?:^|[\s:(<>[#"'=])([245][0-5]\d)(?=[ -]|$|\))/m;
const FAILURE_REPLY_PATTERN = /(?:^|[\s:(<>[#"'=])([45][0-5]\d)(?=[ -]|$|\))/m;
/** Positive replies that can stand in a delivery report; other 2xx numbers are exit codes or counts. */
const POSITIVE_REPLIES = new Set(['211', '214', '220', '221', '235', '250', '251', '252']);

/**
 * The first reply code in a text as the server wrote it ("550", or a "546" no RFC defines), or "":
 * where the text is a server's own reply line, its code is what the server said. A positive code
 * yields to a failure code later in the text.
 */
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

/** A reply code that opens a text followed by a colon, as "550: 5.2.2 <a@b>... Mailbox Full". */
export function leadingReplyCode(text: string): string {
  return /^\s*([245][0-5]\d)(?=[\s:-]|$)/.exec(text)?.[1] ?? '';
}

/** "550 550 5.1.1 ..." (a notice's copy of the code, then the server's reply) → "550 5.1.1 ...". */
export function withoutRepeatedReplyCode(text: string): string {
  return text.replace(/^([245]\d\d)[ -]\1(?=[\s-]|$)/, '$1').trim();
}
