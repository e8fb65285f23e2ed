// SendGrid: "This is an automatically generated message from SendGrid.", one
// "local:id:<address> : ip : host:[ip] : reply in COMMAND" line per recipient, and a DSN.

import { betterStatus, recipientsFromDsn } from '../../dsn/recipients.ts';
import type { MailView } from '../../mail/read-mail.ts';
import { findSmtpReplyCode, findStatus } from '../../smtp/codes.ts';
import { MATCH_LIMIT } from '../../text.ts';
import { splitQuotedOriginal } from '../original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const NOTICE = /^This is an automatically generated message from SendGrid\./m;
const RECIPIENT_LINE =
  /^[^\s:]*:\d+:<([^<>\s@]+@[^<>\s]+)>\s*:\s*[\da-fA-F.:]+\s*:\s*([\w.-]+):\[[\da-fA-F.:]+\]\s*:\s*(.+)$/;
const COMMAND = /\s+in (RCPT TO|MAIL FROM|DATA|EHLO|HELO|CONNECT|AUTH|STARTTLS)\s*$/i;

interface Line {
  address: string;
  host: string;
  words: string;
  command: string;
}

export const sendgrid: BounceParser = {
  id: 'sendgrid',
  parse(mail: MailView): ParsedBounce | null {
    const fromDsn = mail.deliveryStatus.some((part) => /^X-SendGrid-/im.test(part));
    if (!fromDsn && !NOTICE.test(mail.text.slice(0, 4096))) return null;
    const { notice, original } = splitQuotedOriginal(mail.text);
    const lines = recipientLines(notice);
    const recipients = recipientsFromDsn(mail);
    if (recipients.length === 0) recipients.push(...lines.map(fromLine));
    else for (const r of recipients) enrich(r, lines);
    if (recipients.length === 0) return null;
    return { recipients, ...(original ? { quotedOriginal: original } : {}) };
  },
};

function recipientLines(notice: string): Line[] {
  const lines: Line[] = [];
  for (const line of notice.slice(0, MATCH_LIMIT).split('\n')) {
    const m = RECIPIENT_LINE.exec(line);
    if (!m) continue;
    const said = (m[3] ?? '').trim();
    const command = COMMAND.exec(said);
    lines.push({
      address: (m[1] ?? '').toLowerCase(),
      host: m[2] ?? '',
      words: command ? said.slice(0, command.index).trim() : said,
      command: command
        ? ((command[1] ?? '').split(' ')[0]?.toUpperCase().replace('CONNECT', 'CONN') ?? '')
        : '',
    });
  }
  return lines;
}

function fromLine(line: Line): ParsedRecipient {
  const status = findStatus(line.words);
  return {
    address: line.address,
    action: 'failed',
    status,
    replyCode: findSmtpReplyCode(line.words, status),
    diagnosticCode: line.words,
    command: line.command,
    remoteMta: line.host,
  };
}

function enrich(r: ParsedRecipient, lines: readonly Line[]): void {
  const line = lines.find((l) => l.address === r.address);
  if (!line) return;
  r.diagnosticCode ||= line.words;
  r.status = betterStatus(r.status ?? '', r.diagnosticCode);
  r.replyCode ||= findSmtpReplyCode(r.diagnosticCode, r.status);
  r.command ||= line.command;
  r.remoteMta ||= line.host;
}
