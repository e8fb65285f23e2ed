// SMTP reply codes as the RFCs define them: a three-digit number in an error text is taken for a
// reply code only when it is one of these (a "522" or a "571" is a server's invention, not SMTP).
import { MATCH_LIMIT } from '../text.ts';

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

// A code stands alone: not part of a number, an IP address, a version, a path or a host name.
const CANDIDATE = /(?<![\w./@-])([2-5]\d\d)(?![\w./@])/g;

/**
 * The first SMTP reply code in a text, or "". A failure code (4xx, 5xx) is preferred to a positive
 * one, and with a status code ("4.2.1") one of the same class: "220-banner 421 4.2.1 ..." is 421.
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

/** True when a string is an SMTP reply code that the RFCs define. */
export function isSmtpReplyCode(code: string): boolean {
  return REPLY_CODES.has(code);
}
