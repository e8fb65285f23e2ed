// Sendmail: "Returned mail: see transcript for details", a DSN plus the SMTP transcript of the session.
import type { MailView } from '../mail/read-mail.ts';
import { findReplyCode, findStatus, joinReplyLines, receivedReply, sentCommand } from '../text.ts';
import { recipientsFromDsn } from './dsn.ts';
import { splitQuotedOriginal } from './original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from './parser.ts';

const SUBJECTS = /^(?:Returned mail: |Warning: could not send message|Postmaster notify: )/i;
const TRANSCRIPT = /^[ \t]*-+ Transcript of session follows -+/m;

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

interface Transcript {
  /** Replies of the remote server ("<<<" lines, multi-line replies joined), with the command they answered. */
  exchanges: Exchange[];
  /** Sendmail's own verdict lines: "550 5.1.1 <user@example.org>... User unknown". */
  verdicts: string[];
  /** The last command sent. */
  lastCommand: string;
}

/** Reads the ">>> COMMAND" / "<<< reply" session transcript and sendmail's own verdict lines. */
export function parseTranscript(notice: string): Transcript {
  const transcript: Transcript = { exchanges: [], verdicts: [], lastCommand: '' };
  let open: Exchange | undefined;
  for (const line of notice.split('\n')) {
    const sent = sentCommand(line);
    if (sent) {
      transcript.lastCommand = sent;
      open = undefined;
      continue;
    }
    const got = /^([45]\d\d)([- ])/.exec(receivedReply(line) ?? '');
    if (got) {
      const text = (receivedReply(line) ?? '').trim();
      if (open) {
        open.reply += ` ${text}`;
      } else {
        open = { command: transcript.lastCommand, reply: text };
        transcript.exchanges.push(open);
      }
      if (got[2] === ' ') open = undefined;
      continue;
    }
    open = undefined;
    if (/^[45]\d\d (?:[45]\.\d{1,3}\.\d{1,3} )?\S/.test(line)) transcript.verdicts.push(line.trim());
  }
  return transcript;
}

function enrich(r: ParsedRecipient, transcript: Transcript): void {
  const mentions = (text: string) => text.toLowerCase().includes(r.address);
  const exchange =
    transcript.exchanges.find((e) => mentions(e.reply)) ??
    (transcript.exchanges.length === 1 ? transcript.exchanges[0] : undefined);
  const given = r.diagnosticCode ?? '';
  const bare = !/[a-z]{3}/i.test(given);
  // A DSN that gives only a mailer's exit status ("255") is explained by sendmail's own verdict line.
  const verdict =
    transcript.verdicts.find(mentions) ??
    (bare && transcript.verdicts.length === 1 ? transcript.verdicts[0] : undefined);
  r.command ||= exchange?.command || transcript.lastCommand;
  r.replyCode ||= findReplyCode(transcript.verdicts.at(-1) ?? '');
  const words = exchange?.reply ?? verdict ?? '';
  if (!words) return;
  // A bare exit status, or a multi-line reply the DSN cut short, yields to the transcript.
  const full = joinReplyLines(words);
  if (bare || (full.length > given.length && full.startsWith(joinReplyLines(given).slice(0, 40)))) {
    r.diagnosticCode = full;
    // Sendmail's verdict on this very address replaces a mailer's exit status: the words are SMTP's now.
    if (words === verdict && mentions(words)) r.diagnosticType = 'smtp';
  }
  r.replyCode ||= findReplyCode(words);
  r.status ||= findStatus(words);
}
