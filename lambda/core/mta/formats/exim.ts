// Exim: "Mail delivery failed: returning message to sender" — each failed address on a line of its own,
// followed by the indented reason; newer versions add a DSN part, delay warnings quote no message.

import { betterStatus, recipientsFromDsn } from '../../dsn/recipients.ts';
import type { MailView } from '../../mail/read-mail.ts';
import { findSmtpReplyCode, findStatus } from '../../smtp/codes.ts';
import { addressesIn, MATCH_LIMIT } from '../../text.ts';
import { eximVerdict, readEximWords } from '../exim-words.ts';
import { splitQuotedOriginal } from '../original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const NOTICE = /^This message was created automatically by mail delivery software\.$/m;
const SUBJECTS =
  /^(?:Mail delivery failed|Mail failure|Message frozen|Warning: message \S+ delayed|error\(s\) in forwarding or filtering)/i;
/** Exim message ids: "1P1ce6-000Egt-GZ", newer "1rABCD-0000000Ab1-XyZw". */
const EXIM_ID = /^<?[0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4}@/;
/** The line after which Exim lists the addresses. */
const LIST_START =
  /(?:following\s+address(?:\(es\)|es)?\s+(?:failed|have yet to be delivered)|not yet been delivered (?:is|are)|incorrectly constructed)\s*:[ \t]*$/im;
const DELAYED = /has not yet been delivered|^Warning: message/im;

interface Paragraph {
  head: string;
  lines: string[];
}

export const exim: BounceParser = {
  id: 'exim',
  parse(mail: MailView): ParsedBounce | null {
    return isExim(mail) ? readEximNotice(mail) : null;
  },
};

/** Reads an Exim notice; the services that keep Exim's wording (Mail.ru, GMX) call it after their own guard. */
export function readEximNotice(mail: MailView): ParsedBounce | null {
  const { notice, original } = splitQuotedOriginal(mail.text);
  const delayed = DELAYED.test(mail.headers.get('subject')) || DELAYED.test(notice.slice(0, MATCH_LIMIT));
  const failed = failedRecipients(mail);
  const recipients = paragraphsOf(notice).map((p, i) => fromParagraph(p, i, failed, delayed));
  const dsn = recipientsFromDsn(mail);
  if (recipients.length === 0) recipients.push(...(dsn.length > 0 ? dsn : fromHeader(failed, delayed)));
  else for (const r of recipients) enrich(r, dsn);
  const known = recipients.filter((r) => r.address.includes('@'));
  if (known.length === 0) return null;
  const quoted = original || (mail.attachedOriginal ? '' : headersOfDelayed(notice, known));
  return { recipients: known, ...(quoted ? { quotedOriginal: quoted } : {}) };
}

function isExim(mail: MailView): boolean {
  if (!NOTICE.test(mail.text.slice(0, MATCH_LIMIT))) return false;
  const h = mail.headers;
  return (
    /Mail Delivery System/i.test(h.get('from')) ||
    SUBJECTS.test(h.get('subject')) ||
    EXIM_ID.test(h.get('message-id')) ||
    h.has('x-failed-recipients')
  );
}

/**
 * The failed-address paragraphs: "  user@example.jp" (indented two spaces; the reason indented
 * further), or an unindented address line whose reason follows on the next lines.
 */
export function paragraphsOf(notice: string): Paragraph[] {
  const start = LIST_START.exec(notice.slice(0, MATCH_LIMIT));
  const lines = notice.slice(start ? start.index + start[0].length : 0, MATCH_LIMIT).split('\n');
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | undefined;
  let blank = false;
  for (const line of lines) {
    if (!line.trim()) {
      blank = true;
      continue;
    }
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    if (indent === 2 || (indent === 0 && (blank || !current) && isAddressLine(line))) {
      if (indent === 2 && !start && /^ {2}<[^>]+>\s*$/.test(line)) continue;
      current = { head: line.trim(), lines: [] };
      paragraphs.push(current);
    } else if (current && (indent > 2 || !blank || /^Reason:/i.test(line))) {
      current.lines.push(line);
    } else if (current) {
      break;
    }
    blank = false;
  }
  return paragraphs;
}

function isAddressLine(line: string): boolean {
  return /^["<]?[^\s"<>@]+@[\w.-]+["'>]?(?::|$)/.test(line);
}

function fromParagraph(p: Paragraph, index: number, failed: string[], delayed: boolean): ParsedRecipient {
  const words = readEximWords([wordsInHead(p.head), ...p.lines]);
  const status = findStatus(words.diagnostic);
  const verdict = eximVerdict(words);
  return {
    address: addressOf(p, index, failed),
    action: delayed ? 'delayed' : 'failed',
    status,
    replyCode: findSmtpReplyCode(words.diagnostic, status),
    diagnosticCode: words.diagnostic,
    command: words.command,
    remoteMta: words.remoteMta,
    ...(verdict && !delayed ? { reason: verdict } : {}),
  };
}

// "kijitora@example.jp: forced freeze", "<kijitora@example.jp>: 550 ...", "a@b <c@d>: ...": the words
// after the colon that follows the address.
function wordsInHead(head: string): string {
  const at = head.indexOf('@');
  const colon = head.indexOf(': ', at === -1 ? 0 : at);
  return colon === -1 ? '' : head.slice(colon + 2);
}

// A paragraph may name no address ("an undisclosed address", "pipe to |...", a bare local part):
// the alias it was generated from, then X-Failed-Recipients tell which recipient it was.
function addressOf(p: Paragraph, index: number, failed: readonly string[]): string {
  const inHead = addressesIn(p.head)[0];
  if (inHead) return inHead;
  const local = p.head.toLowerCase().split(/\s/)[0] ?? '';
  const byLocalPart = failed.find((a) => a.startsWith(`${local}@`));
  if (byLocalPart) return byLocalPart;
  const generated = /generated (?:from|by) (\S+@\S+)/i.exec(p.lines.join(' '))?.[1];
  if (generated) return addressesIn(generated)[0] ?? '';
  return failed[index] ?? '';
}

function failedRecipients(mail: MailView): string[] {
  return mail.headers.all('x-failed-recipients').flatMap((v) => addressesIn(v));
}

function fromHeader(failed: readonly string[], delayed: boolean): ParsedRecipient[] {
  return failed.map((address) => ({ address, action: delayed ? 'delayed' : 'failed' }));
}

// Exim 4.8x and later also send a DSN: its status and remote host complete the paragraph's words.
function enrich(r: ParsedRecipient, dsn: readonly ParsedRecipient[]): void {
  const match = dsn.find((d) => d.address === r.address);
  if (!match) return;
  r.diagnosticCode ||= match.diagnosticCode ?? '';
  r.status = betterStatus(r.status || match.status || '', r.diagnosticCode ?? '');
  r.replyCode ||= findSmtpReplyCode(r.diagnosticCode ?? '', r.status);
  r.remoteMta ||= match.remoteMta ?? '';
  if (match.action) r.action = match.action;
  if (match.lastAttemptAt) r.lastAttemptAt = match.lastAttemptAt;
}

// A delay warning returns no message, but names its subject and date: enough for a ticket's title.
function headersOfDelayed(notice: string, recipients: readonly ParsedRecipient[]): string {
  const subject = /^The subject of the message is: *(.*)$/m.exec(notice)?.[1]?.trim();
  if (!subject) return '';
  const date = /^The date of the message is: *(.*)$/m.exec(notice)?.[1]?.trim();
  const to = recipients.map((r) => r.address).join(', ');
  return `To: ${to}\nSubject: ${subject}\n${date ? `Date: ${date}\n` : ''}`;
}
