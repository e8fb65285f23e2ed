// Small helpers for the text-only bounce formats: bounded notice lines, header guards, and a
// recipient record built from the words that concern it.
import type { MailView } from '../mail/read-mail.ts';
import { findReplyCode, findStatus } from '../smtp/codes.ts';
import { findCommand } from '../smtp/commands.ts';
import { MATCH_LIMIT, squeeze } from '../text.ts';
import type { Reason } from '../types.ts';
import type { ParsedRecipient } from './parser.ts';

/** Longest notice a text parser reads line by line; the error part of a bounce is far shorter. */
export const NOTICE_LIMIT = MATCH_LIMIT * 4;
/** Longest line a text parser matches patterns against; a server's reply line is far shorter. */
const LINE_LIMIT = 4096;

/** The notice's lines (bounded in number and length), without trailing white space. */
export function noticeLines(text: string): string[] {
  return text
    .slice(0, NOTICE_LIMIT)
    .split('\n')
    .map((line) => line.slice(0, LINE_LIMIT).trimEnd());
}

/** True when any of the named headers has a value that `pattern` matches. */
export function headerMatches(mail: MailView, names: readonly string[], pattern: RegExp): boolean {
  return names.some((name) => mail.headers.all(name).some((value) => pattern.test(value.slice(0, 1000))));
}

/** A failed recipient whose status, reply code and command are read from the words that concern it. */
export function recipientOf(
  address: string,
  words: string,
  fields: Omit<ParsedRecipient, 'address'> = {},
): ParsedRecipient {
  const diagnosticCode = squeeze(words);
  const recipient: ParsedRecipient = {
    address: address.toLowerCase(),
    action: 'failed',
    status: findStatus(diagnosticCode),
    replyCode: findReplyCode(diagnosticCode),
    diagnosticCode,
    command: findCommand(diagnosticCode),
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value) Object.assign(recipient, { [key]: value });
  }
  return recipient;
}

/** A table of an engine's own fixed wordings, each naming one reason. */
export type WordingTable = ReadonlyArray<readonly [Reason, readonly string[]]>;

/** The reason of the first wording of the table found in `text` (case-insensitive), if any. */
export function reasonOfWording(text: string, table: WordingTable): Reason | undefined {
  const sample = squeeze(text.slice(0, MATCH_LIMIT)).toLowerCase();
  for (const [reason, wordings] of table) {
    if (wordings.some((wording) => sample.includes(wording.toLowerCase()))) return reason;
  }
  return undefined;
}

/** The address inside the first <...> of a line, lower-cased, or "". */
export function angledAddress(line: string): string {
  const m = /<([^<>\s@]+@[^<>\s]+)>/.exec(line.slice(0, 1000));
  return (m?.[1] ?? '').toLowerCase();
}

/** True when a line is one bare e-mail address (as some formats list recipients). */
export function isBareAddress(line: string): boolean {
  return /^[^\s<>@()"]+@[A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,}$/.test(line.trim().slice(0, 320));
}
