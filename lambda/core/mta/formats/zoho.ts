// Zoho Mail: one line per recipient, "addr Invalid Address, ERROR_CODE :550, ERROR_CODE :<reply>",
// or in delay notices "[Status: Error, Address: <addr>, ResponseCode 421, , Host not reachable.]".
import type { MailView } from '../../mail/read-mail.ts';
import { findReplyCode, findStatus } from '../../smtp/codes.ts';
import { findCommand } from '../../smtp/commands.ts';
import { firstAddress, MATCH_LIMIT, squeeze } from '../../text.ts';
import { looksLikeHeaders } from '../original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const START = /^This message was created automatically by mail delivery (?:software|system)/m;
const ERROR_LINE = /^([^\s@]+@[^\s@]+) ([^,\n]{0,80}), ERROR_CODE ?:([^,\n]{0,20}), ERROR_CODE ?:(.*)$/;
const STATUS_LINE =
  /^\[Status: ([^,\n]{0,40}), Address: <([^<>\s]+)>, ResponseCode ([^,\n]{0,20}),([^,\n]{0,80}),(.*)\]\s*$/;
/** The returned message's headers follow the notice, starting with Zoho's own Received line. */
const ORIGINAL = /^Received: ?from \S+ by \S+/m;
/** Zoho's own explanations, and what they mean. */
const ZOHO_WORDS: ReadonlyArray<[RegExp, NonNullable<ParsedRecipient['reason']>]> = [
  [/\bHost not reachable\b/i, 'expired'],
];

export const zoho: BounceParser = {
  id: 'zoho',
  parse(mail: MailView): ParsedBounce | null {
    const byZoho = mail.headers.has('x-zohomail') || /^Zoho Mail\b/i.test(mail.headers.get('x-mailer'));
    if (!byZoho) return null;
    const text = mail.text.slice(0, MATCH_LIMIT);
    const start = text.search(START);
    if (start === -1) return null;
    const originalAt = text.slice(start).search(ORIGINAL);
    const notice = originalAt === -1 ? text.slice(start) : text.slice(start, start + originalAt);
    const delayed =
      /^Message will be retried\b/im.test(notice) || /\(Delay\)/i.test(mail.headers.get('subject'));
    const recipients = notice
      .split('\n')
      .map((line) => fromLine(line.trim(), delayed ? 'delayed' : 'failed'))
      .filter((r): r is ParsedRecipient => r !== undefined);
    if (recipients.length === 0) return null;
    const original = originalAt === -1 ? '' : mail.text.slice(start + originalAt);
    return { recipients, ...(looksLikeHeaders(original) ? { quotedOriginal: original } : {}) };
  },
};

function fromLine(line: string, action: string): ParsedRecipient | undefined {
  const error = ERROR_LINE.exec(line);
  if (error) return toRecipient(error[1] ?? '', action, error[3] ?? '', error[4] ?? '');
  const status = STATUS_LINE.exec(line);
  if (status) return toRecipient(status[2] ?? '', action, status[3] ?? '', `${status[4]} ${status[5]}`);
  return undefined;
}

function toRecipient(address: string, action: string, code: string, message: string): ParsedRecipient {
  const replyCode = findReplyCode(code.trim());
  const words = squeeze(`${replyCode} ${message.replace(/^[\s,]+/, '')}`);
  const reason = ZOHO_WORDS.find(([pattern]) => pattern.test(words))?.[1];
  return {
    address: firstAddress(address),
    action,
    status: findStatus(message),
    replyCode,
    diagnosticCode: words,
    command: findCommand(words),
    ...(reason ? { reason } : {}),
  };
}
