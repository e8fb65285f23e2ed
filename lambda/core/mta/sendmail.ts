// Sendmail: "Returned mail: see transcript for details", a DSN plus the SMTP transcript of the session.
import type { MailView } from '../mail/read-mail.ts';
import { findReplyCode, findStatus, normalizeCommand } from '../text.ts';
import { recipientsFromDsn } from './dsn.ts';
import { splitQuotedOriginal } from './original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from './parser.ts';

const SUBJECTS = /^(?:Returned mail: |Warning: could not send message|Postmaster notify: )/i;
const TRANSCRIPT = /^\s*-+ Transcript of session follows -+/m;

export const sendmail: BounceParser = {
  id: 'sendmail',
  parse(mail: MailView): ParsedBounce | null {
    const subject = mail.headers.get('subject');
    if (!SUBJECTS.test(subject) && !TRANSCRIPT.test(mail.text)) return null;
    const recipients = recipientsFromDsn(mail);
    if (recipients.length === 0) return null;
    const { notice, original } = splitQuotedOriginal(mail.text);
    const transcript = parseTranscript(notice);
    for (const r of recipients) enrich(r, transcript);
    return { recipients, ...(original ? { quotedOriginal: original } : {}) };
  },
};

interface Exchange {
  command: string;
  reply: string;
}

/** ">>> COMMAND" / "<<< reply" pairs of the session transcript. */
export function parseTranscript(notice: string): Exchange[] {
  const exchanges: Exchange[] = [];
  let command = '';
  for (const line of notice.split('\n')) {
    const sent = /^>>> ?(\S+(?: (?:TO|FROM))?)/i.exec(line);
    if (sent) {
      command = normalizeCommand(sent[1] ?? '');
      continue;
    }
    const got = /^<<< ?(.*)$/.exec(line);
    if (got && /^[45]\d\d/.test(got[1] ?? '')) exchanges.push({ command, reply: (got[1] ?? '').trim() });
  }
  return exchanges;
}

function enrich(r: ParsedRecipient, transcript: readonly Exchange[]): void {
  const exchange =
    transcript.find((e) => e.reply.toLowerCase().includes(r.address)) ??
    (transcript.length === 1 ? transcript[0] : undefined);
  if (!exchange) return;
  r.command ||= exchange.command;
  r.replyCode ||= findReplyCode(exchange.reply);
  if (!r.diagnosticCode) r.diagnosticCode = exchange.reply;
  r.status ||= findStatus(exchange.reply);
}
