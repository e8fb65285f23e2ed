// Postfix: "Undelivered Mail Returned to Sender", a DSN plus a notice that names the SMTP command.

import { recipientsFromDsn } from '../../dsn/recipients.ts';
import type { MailView } from '../../mail/read-mail.ts';
import { findReplyCode, findStatus } from '../../smtp/codes.ts';
import { findCommand, normalizeCommand } from '../../smtp/commands.ts';
import { firstAddress, squeeze } from '../../text.ts';
import { attachedOriginalHeaders, splitQuotedOriginal } from '../original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const SUBJECTS =
  /^(?:Undelivered Mail Returned to Sender|Delayed Mail \(still being retried\)|Successful Mail Delivery Report|Mail Delivery Status Report|Postfix SMTP server: errors from)/i;
const NOTICE = /^This is the (?:mail system|Postfix program) at host /m;
const MARKERS = [
  /^-+ ?(?:Undelivered Message|Delivery report|Message Headers?)\b/im,
  /^--- Delivery report unavailable/m,
];

export const postfix: BounceParser = {
  id: 'postfix',
  parse(mail: MailView): ParsedBounce | null {
    const fromDsn = mail.deliveryStatus.some((part) => /^X-Postfix-/im.test(part));
    if (!fromDsn && !SUBJECTS.test(mail.headers.get('subject')) && !NOTICE.test(mail.text)) return null;
    const { notice, original } = splitQuotedOriginal(mail.text, MARKERS);
    const blocks = noticeBlocks(notice);
    const recipients = recipientsFromDsn(mail);
    if (recipients.length === 0) {
      for (const [address, words] of blocks) recipients.push(fromWords(address, words));
    } else {
      for (const r of recipients) enrich(r, blocks.get(r.address));
    }
    if (recipients.length === 0) recipients.push(...fromSessionTranscript(notice));
    // "--- Delivery report unavailable ---": the only trace of the recipient is the returned message.
    if (recipients.length === 0 && /^[ \t]*-+ Delivery report unavailable/m.test(notice)) {
      const address = firstAddress(attachedOriginalHeaders(mail).get('to'));
      if (address) recipients.push({ address, action: 'failed' });
    }
    if (recipients.length === 0) return null;
    return { recipients, ...(original ? { quotedOriginal: original } : {}) };
  },
};

/** "<user@example.com> (expanded from ...): host ... said: ..." paragraphs, keyed by address. */
function noticeBlocks(notice: string): Map<string, string> {
  const blocks = new Map<string, string>();
  let address = '';
  let words: string[] = [];
  const flush = () => {
    if (address && !blocks.has(address)) blocks.set(address, squeeze(words.join(' ')));
    address = '';
    words = [];
  };
  for (const line of notice.split('\n')) {
    const head = /^<([^>]+@[^>]+)>(?:\s*\(expanded from [^)]*\))?:\s*(.*)$/.exec(line);
    if (head) {
      flush();
      address = (head[1] ?? '').toLowerCase();
      words.push(head[2] ?? '');
    } else if (address && /^\s+\S/.test(line)) {
      words.push(line);
    } else {
      flush();
    }
  }
  flush();
  return blocks;
}

/**
 * "Postfix SMTP server: errors from ..." reports the server's own session: " In:  RCPT TO:<...>" and
 * " Out: 451 4.3.0 Error: ..." lines. The first error reply is the failure; the client's last
 * command before it is the command.
 */
function fromSessionTranscript(notice: string): ParsedRecipient[] {
  const addresses: string[] = [];
  let command = '';
  for (const line of notice.split('\n')) {
    const sent = /^ In: +(\S+)(.*)$/.exec(line);
    if (sent) {
      command = normalizeCommand(sent[1] ?? '');
      if (command === 'RCPT') addresses.push(firstAddress(sent[2] ?? ''));
      continue;
    }
    const reply = /^ Out: +([45]\d\d[ -].*)$/.exec(line)?.[1];
    if (reply && addresses.length > 0) {
      return addresses.filter(Boolean).map((address) => ({
        address,
        action: 'failed',
        status: findStatus(reply),
        replyCode: findReplyCode(reply),
        diagnosticCode: reply,
        command,
      }));
    }
  }
  return [];
}

function fromWords(address: string, words: string): ParsedRecipient {
  const said = saidText(words);
  return {
    address,
    action: 'failed',
    status: findStatus(said),
    replyCode: findReplyCode(said),
    diagnosticCode: said,
    remoteMta: remoteHost(words),
    command: findCommand(words),
  };
}

function enrich(r: ParsedRecipient, words: string | undefined): void {
  if (!words) return;
  r.command ||= findCommand(words);
  const said = saidText(words);
  r.replyCode ||= findReplyCode(said);
  if (!r.diagnosticCode) r.diagnosticCode = said;
  r.remoteMta ||= remoteHost(words);
  if (!r.address.includes('@')) r.address = firstAddress(words) || r.address;
}

/** The server's words: what follows "said:", without Postfix's "(in reply to ...)" tail. */
function saidText(words: string): string {
  const said = /\bsaid:\s*(.*)$/i.exec(words)?.[1] ?? words;
  return said.replace(/\s*\(in reply to [^)]*\)\s*$/i, '').trim();
}

function remoteHost(words: string): string {
  return /\bhost ([\w.-]+)\[/i.exec(words)?.[1] ?? '';
}
