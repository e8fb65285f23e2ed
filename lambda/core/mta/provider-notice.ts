// Small readers for the plain-text notices of mail providers: the server replies they quote, and
// the returned message they append after a marker line.
import { splitAtMarker } from '../text.ts';

/** "550 550 5.1.1 ..." (the notice's copy of the code, then the server's reply) → "550 5.1.1 ...". */
export function withoutRepeatedReplyCode(text: string): string {
  return text.replace(/^([245]\d\d)[ -]\1(?=[\s-]|$)/, '$1').trim();
}

/** A reply code that opens a text followed by a colon, as "550: 5.2.2 <a@b>... Mailbox Full". */
export function leadingReplyCode(text: string): string {
  return /^\s*([245][0-5]\d)(?=[\s:-]|$)/.exec(text)?.[1] ?? '';
}

/**
 * Splits a notice at the marker line before the returned message. The original is kept when its
 * first line is a header field of any name (returned messages often start with DKIM-Signature).
 */
export function splitAtOriginal(
  text: string,
  markers: readonly RegExp[],
): { notice: string; original: string } {
  const { notice, rest } = splitAtMarker(text, markers);
  const original = rest.replace(/^\s*\n/, '');
  return { notice, original: /^[A-Za-z][\w-]{0,75}:[ \t]/.test(original) ? original : '' };
}
