// 1&1 (IONOS, kundenserver.de) as the sending side: Exim's "Mail delivery failed" notice reworded,
//   The following address failed:
//   user@example.eu
//   For the following reason:
//   Mail size limit exceeded. For explanation visit http://postmaster.1and1.com/...
//   --- The header of the original message is following. ---
// Without "For the following reason:" 1&1 quotes the remote server as Exim does ("SMTP error from
// remote server for TEXT command, host: ... reason: 550 ..."), and the Exim parser reads it.
import type { MailView } from '../../mail/read-mail.ts';
import { squeeze } from '../../text.ts';
import { noticeLines, reasonOfWording, recipientOf, type WordingTable } from '../notice.ts';
import { splitQuotedOriginal } from '../original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const SUBJECT = 'Mail delivery failed: returning message to sender';
const START = /^This message was created automatically by mail delivery software/;
const REASON = /^For the following reason:\s*/;
const ADDRESS_LINE = /^\s*([^\s<>@]+@[^\s<>]+?):?\s*$/;
const MARKERS = [/^--- The header of the original message is following\. ---/m];
/** "... for TEXT command, host: smtp.example.net (192.0.2.1) reason: 550 ..." */
const REMOTE = /\bhost:\s+(\S+)\s.*?\breason:\s/i;

/** 1&1's own sentences, with the reasons Sisimai gives them. */
const EINSUNDEINS_WORDINGS: WordingTable = [['mesgtoobig', ['Mail size limit exceeded']]];

export const einsundeins: BounceParser = {
  id: 'einsundeins',
  parse(mail: MailView): ParsedBounce | null {
    if (!/^"?Mail Delivery System"?/.test(mail.headers.get('from'))) return null;
    if (mail.headers.get('subject') !== SUBJECT) return null;
    if (!/^For the following reason:/m.test(mail.text.slice(0, 8192))) return null;
    const { notice, original } = splitQuotedOriginal(mail.text, MARKERS);
    const recipients = readNotice(notice);
    if (recipients.length === 0) return null;
    return { recipients, ...(original ? { quotedOriginal: original } : {}) };
  },
};

function readNotice(notice: string): ParsedRecipient[] {
  const lines = noticeLines(notice);
  const start = lines.findIndex((line) => START.test(line));
  const own = new Map<string, string[]>();
  const reason: string[] = [];
  let inReason = false;
  let current: string[] | undefined;
  for (const line of lines.slice(start + 1)) {
    if (!line.trim()) continue;
    const address = ADDRESS_LINE.exec(line)?.[1];
    if (address && !inReason) {
      current = [];
      own.set(address.toLowerCase(), current);
    } else if (REASON.test(line)) {
      inReason = true;
      reason.push(line.replace(REASON, ''));
    } else if (inReason) {
      reason.push(line);
    } else {
      current?.push(line);
    }
  }
  // One reason follows the list of addresses: it concerns each of them.
  return [...own].map(([address, words]) => toRecipient(address, words.join(' ') || reason.join(' ')));
}

function toRecipient(address: string, text: string): ParsedRecipient {
  const words = squeeze(text);
  const remote = REMOTE.exec(words);
  const r = recipientOf(address, words, {
    remoteMta: remote?.[1] ?? '',
    command: /\bfor TEXT command\b/i.test(words) ? 'DATA' : '',
  });
  const verdict = reasonOfWording(words, EINSUNDEINS_WORDINGS);
  if (verdict) r.reason = verdict;
  return r;
}
