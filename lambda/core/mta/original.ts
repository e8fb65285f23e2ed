// Where a text bounce quotes the returned original message.
import { headerBlockOf, MailHeaders } from '../mail/headers.ts';
import type { MailView } from '../mail/read-mail.ts';
import { splitAtMarker } from '../text.ts';

/** Lines that MTAs write just before the returned message (or its headers). */
export const ORIGINAL_MARKERS: readonly RegExp[] = [
  /^-+ ?(?:This is a copy of (?:the|your) message|Original message|Below this line is a copy of the message|Original Message Headers?|Returned message|Message headers follow|Unsent Message below|Undelivered message|The original message)/im,
  /^-+ ?(?:original message|Headers of the original message|Original mail header)/im,
  /^[ \t]*-+ ?Original message follows\b/im,
  /^-+ Below this line is a copy of the message/im,
  /^------ This is a copy of the message, including all the headers/im,
  /^Original message headers:/im,
  // Exim's moan.c, for a message refused while it was received: the sentence runs over two lines.
  /^-+ ?This is a copy of the headers that were received before the error(?:\n[ \t]+was detected\.)?/im,
  /^-+ ?The header of the original message is following/im,
];

/** Splits a notice at the returned original; `original` is "" when none is quoted. */
export function splitQuotedOriginal(
  text: string,
  markers: readonly RegExp[] = ORIGINAL_MARKERS,
): { notice: string; original: string } {
  const { notice, rest } = splitAtMarker(text, markers);
  const original = rest.replace(/^\s*\n/, '');
  return { notice, original: looksLikeHeaders(original) ? original : '' };
}

/**
 * True when a text starts like a header block: a known header among its first lines, or a first line
 * that is a header field of any name (returned messages often start with DKIM-Signature or ARC-Seal).
 */
export function looksLikeHeaders(text: string): boolean {
  if (/^[A-Za-z][\w-]{0,75}:[ \t]/.test(text)) return true;
  const head = text
    .slice(0, 2000)
    .split('\n', 6)
    .filter((l) => l.trim());
  return head.some((line) =>
    /^(?:Received|From|To|Subject|Date|Message-Id|Return-Path|MIME-Version|Content-Type|X-[\w-]+):/i.test(
      line,
    ),
  );
}

/** The headers of the original message attached to a bounce (empty when none is attached). */
export function attachedOriginalHeaders(mail: MailView): MailHeaders {
  if (!mail.attachedOriginal) return MailHeaders.empty();
  return MailHeaders.parse(headerBlockOf(mail.attachedOriginal.raw));
}
