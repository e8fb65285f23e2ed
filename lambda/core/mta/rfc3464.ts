// Generic RFC 3464 delivery status notifications: the last resort for any MTA that sends a DSN.
import type { MailView } from '../mail/read-mail.ts';
import { addressesIn, findCommand, findReplyCode, findStatus, squeeze } from '../text.ts';
import { recipientsFromDsn } from './dsn.ts';
import { splitQuotedOriginal } from './original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from './parser.ts';

export const rfc3464: BounceParser = {
  id: 'rfc3464',
  parse(mail: MailView): ParsedBounce | null {
    const recipients = recipientsFromDsn(mail);
    if (recipients.length === 0) return null;
    const { notice, original } = splitQuotedOriginal(mail.text);
    for (const r of recipients) fillFromNotice(r, notice);
    return { recipients, ...(original ? { quotedOriginal: original } : {}) };
  },
};

// When the DSN lacks the server's words, the human-readable part usually quotes them next to the address.
function fillFromNotice(r: ParsedRecipient, notice: string): void {
  if (r.diagnosticCode) return;
  const words = wordsNear(notice, r.address);
  if (!words) return;
  r.diagnosticCode = words;
  r.replyCode ||= findReplyCode(words);
  r.status ||= findStatus(words);
  r.command ||= findCommand(words);
}

/** The lines after the one that names `address`, up to the next blank line. */
export function wordsNear(notice: string, address: string): string {
  const lines = notice.split('\n');
  const at = lines.findIndex((line) => addressesIn(line).includes(address));
  if (at === -1) return '';
  const block: string[] = [];
  for (let i = at; i < lines.length && i < at + 8; i++) {
    const line = lines[i] ?? '';
    if (i > at && !line.trim()) break;
    block.push(line);
  }
  const text = squeeze(block.join(' '));
  return /\b[245]\d\d\b|[245]\.\d+\.\d+/.test(text) ? text : '';
}
