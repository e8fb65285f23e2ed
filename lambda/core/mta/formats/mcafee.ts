// McAfee Email Gateway / Email and Web Security Appliance: "Delivery Status", a
// "--- The following addresses had delivery problems ---" notice and a DSN.

import { recipientsFromDsn } from '../../dsn/recipients.ts';
import type { MailView } from '../../mail/read-mail.ts';
import { findSmtpReplyCode, findStatus } from '../../smtp/codes.ts';
import { MATCH_LIMIT } from '../../text.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const PROBLEM_LINE = /^<([^<>\s@]+@[^<>\s]+)>\s+\((.+)\)\s*$/;

export const mcafee: BounceParser = {
  id: 'mcafee',
  parse(mail: MailView): ParsedBounce | null {
    if (!mail.headers.get('x-nai-header').includes('Modified by McAfee')) return null;
    if (!/following addresses had delivery problems/.test(mail.text.slice(0, 4096))) return null;
    const lines = problemLines(mail.text);
    const recipients = recipientsFromDsn(mail);
    if (recipients.length === 0) recipients.push(...lines);
    for (const r of recipients) {
      r.diagnosticCode ||= lines.find((l) => l.address === r.address)?.diagnosticCode ?? '';
      r.status ||= findStatus(r.diagnosticCode);
      r.replyCode ||= findSmtpReplyCode(r.diagnosticCode, r.status);
    }
    return recipients.length > 0 ? { recipients } : null;
  },
};

/** "<user@example.jp>   (User unknown user@example.jp)" lines of the notice. */
function problemLines(text: string): ParsedRecipient[] {
  const found: ParsedRecipient[] = [];
  for (const line of text.slice(0, MATCH_LIMIT).split('\n')) {
    const m = PROBLEM_LINE.exec(line.trim());
    if (m) found.push({ address: (m[1] ?? '').toLowerCase(), action: 'failed', diagnosticCode: m[2] ?? '' });
  }
  return found;
}
