// Generic RFC 3464 delivery status notifications: the last resort for any MTA that sends a DSN.

import { betterStatus, recipientsFromDsn } from '../../dsn/recipients.ts';
import type { MailView } from '../../mail/read-mail.ts';
import { findSmtpReplyCode } from '../../smtp/codes.ts';
import { findCommand } from '../../smtp/commands.ts';
import { addressesIn, MATCH_LIMIT, squeeze } from '../../text.ts';
import { splitQuotedOriginal } from '../original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

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

// When the DSN lacks the server's words, the human-readable part usually quotes them next to the
// address, or explains the failure in a sentence that names it ("Your message wasn't delivered to
// a@b because the address couldn't be found.").
function fillFromNotice(r: ParsedRecipient, notice: string): void {
  if (r.diagnosticCode) return;
  const words = wordsNear(notice, r.address) || sentenceNaming(notice, r.address);
  if (!words) return;
  r.diagnosticCode = words;
  r.status = betterStatus(r.status ?? '', words);
  r.replyCode ||= findSmtpReplyCode(words, r.status);
  r.command ||= findCommand(words);
}

/** The lines after the one that names `address`, up to the next blank line, when they hold a code. */
export function wordsNear(notice: string, address: string): string {
  const lines = notice.slice(0, MATCH_LIMIT).split('\n');
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

/** The paragraph that names `address` in a sentence (a bare list of addresses is not one). */
function sentenceNaming(notice: string, address: string): string {
  for (const paragraph of notice.slice(0, MATCH_LIMIT).split(/\n[ \t]*\n/)) {
    if (!addressesIn(paragraph).includes(address)) continue;
    const text = squeeze(paragraph);
    const others = text
      .toLowerCase()
      .replace(address, ' ')
      .split(/[^a-z']+/)
      .filter((w) => w.length > 1 && w !== 'action');
    if (others.length >= 5 && text.length <= 600) return text;
  }
  return '';
}
