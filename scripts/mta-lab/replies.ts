// Reads the reply table (test/fixtures/replies.tsv) and turns one of its replies into what the lab's
// receiving server sends: the reply lines, with the table's documentation addresses replaced by the
// addresses of the lab's message, as a real server names the addresses it was given.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REASONS, type Reason } from '../../lambda/core/types.ts';

export interface TableReply {
  line: number;
  text: string;
  reason: Reason;
  status: string;
  replyCode: string;
  command: string;
  source: string;
  note: string;
}

export const REPLIES_FILE = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'replies.tsv');

export function readReplyTable(file = REPLIES_FILE): TableReply[] {
  const rows: TableReply[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (!raw || raw.startsWith('#') || raw.startsWith('text\t')) return;
      const [text = '', reason = '', status = '', replyCode = '', command = '', source = '', note = ''] =
        raw.split('\t');
      if (!(REASONS as readonly string[]).includes(reason)) throw new Error(`line ${i + 1}: ${reason}`);
      rows.push({ line: i + 1, text, reason: reason as Reason, status, replyCode, command, source, note });
    });
  return rows;
}

/** A reply the way an SMTP server sends it: its code and its lines (more than one for a multi-line reply). */
export interface ServerReply {
  code: number;
  lines: string[];
}

const LEADING_CODE = /^([2-5]\d\d)[ -]/;

/** True when the table's text is an SMTP reply (a reply code first), not an MTA's own diagnostic. */
export function isSmtpReply(text: string): boolean {
  return LEADING_CODE.test(text);
}

/**
 * The table joins a multi-line reply with one space ("550-5.1.1 The email ... 550 5.1.1 ..."); the
 * continuation marks ("<code>-" and the final "<code> ") split it back into its lines.
 */
export function serverReply(text: string): ServerReply {
  const code = LEADING_CODE.exec(text)?.[1];
  if (!code) throw new Error(`not a reply: ${text}`);
  const lines = text
    .slice(4)
    .split(new RegExp(` ${code}[ -]`))
    .map((line) => line.trim());
  return { code: Number(code), lines: lines.length > 0 ? lines : [''] };
}

const ADDRESS = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const ROLE = /^(?:postmaster|abuse|hostmaster|mailer-daemon|noreply|no-reply|support|security)$/i;

/**
 * The reply's addresses become the lab message's: the sender's where the table's address is a sender
 * (or the reply answers MAIL FROM), the recipient's otherwise; role addresses (postmaster, abuse) stay.
 */
export function withLabAddresses(text: string, stage: string, sender: string, recipient: string): string {
  return text.replace(ADDRESS, (address) => {
    const local = address.slice(0, address.indexOf('@'));
    if (ROLE.test(local)) return address;
    return stage === 'MAIL' || /^sender/i.test(local) ? sender : recipient;
  });
}
