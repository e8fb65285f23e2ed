// Courier MTA: "NOTICE: mail delivery status." (or "WARNING: delayed mail.") from a courier.* message,
// a DSN plus a notice whose blocks show the session:
//   <address>:
//       mx.example.com [192.0.2.1]:
//   >>> RCPT TO:<address>
//   <<< 550 5.1.1 <address>... User Unknown

import { recipientsFromDsn } from '../../dsn/recipients.ts';
import type { MailView } from '../../mail/read-mail.ts';
import { receivedReply, sentCommand } from '../../smtp/commands.ts';
import { squeeze } from '../../text.ts';
import { headerMatches, noticeLines, reasonOfWording, recipientOf, type WordingTable } from '../notice.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const SUBJECT = /^(?:NOTICE: mail delivery status\.|WARNING: delayed mail\.)/i;

/** esmtpclient.c's own errors, written when no remote server answered. */
const COURIER_WORDINGS: WordingTable = [
  ['hostunknown', ['No such domain.']],
  ['systemerror', ["This domain's DNS violates RFC 1035."]],
  ['networkerror', ['DNS lookup failed.']],
];

interface Session {
  remoteMta: string;
  command: string;
  reply: string[];
}

export const courier: BounceParser = {
  id: 'courier',
  parse(mail: MailView): ParsedBounce | null {
    const fromCourier =
      /^<courier\./.test(mail.headers.get('message-id')) ||
      SUBJECT.test(mail.headers.get('subject')) ||
      headerMatches(mail, ['from'], /Courier mail server at /);
    if (!fromCourier) return null;
    const sessions = readSessions(mail.text);
    const recipients = recipientsFromDsn(mail);
    if (recipients.length === 0) {
      for (const [address, s] of sessions) recipients.push(recipientOf(address, squeeze(s.reply.join(' '))));
    }
    for (const r of recipients) enrich(r, sessions.get(r.address));
    return recipients.length > 0 ? { recipients } : null;
  },
};

function readSessions(text: string): Map<string, Session> {
  const sessions = new Map<string, Session>();
  let current: Session | undefined;
  for (const line of noticeLines(text)) {
    const head = /^<([^<>\s@]+@[^<>\s]+)>:\s*$/.exec(line);
    if (head) {
      current = { remoteMta: '', command: '', reply: [] };
      sessions.set((head[1] ?? '').toLowerCase(), current);
    } else if (current) {
      current = readSessionLine(current, line);
    }
  }
  return sessions;
}

/** Adds one notice line to a recipient's session; undefined once the block's frame line ends it. */
function readSessionLine(session: Session, line: string): Session | undefined {
  const host = /^\s+([^\s[]+) \[[^\]]*\]:\s*$/.exec(line);
  const sent = sentCommand(line);
  const got = receivedReply(line);
  if (/^-{10,}/.test(line)) return undefined;
  if (host) session.remoteMta = host[1] ?? '';
  else if (sent) session.command = sent;
  else if (got !== undefined) session.reply.push(got);
  else if (line.trim()) session.reply.push(line.trim());
  return session;
}

/** What Courier writes for a command whose reply never came (the connection broke): no server's words. */
const NO_REPLY = /^(?:\s*<command failed>)+\s*$/i;

function enrich(r: ParsedRecipient, session: Session | undefined): void {
  if (NO_REPLY.test(r.diagnosticCode ?? '')) r.diagnosticCode = '';
  if (session) {
    r.command ||= session.command;
    r.remoteMta ||= session.remoteMta;
    if (!r.diagnosticCode)
      r.diagnosticCode = squeeze(session.reply.filter((line) => !NO_REPLY.test(line)).join(' '));
  }
  const reason = reasonOfWording(r.diagnosticCode ?? '', COURIER_WORDINGS);
  if (reason) r.reason = reason;
}
