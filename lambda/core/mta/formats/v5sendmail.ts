// Sendmail version 5 (and later sendmails that send no DSN): "Returned mail: ..." whose notice is the
// transcript alone. "While talking to host:" opens a session, ">>> COMMAND" / "<<< reply" are the
// exchange, and "NNN <address>... text" lines name each failed recipient, after the reply that
// concerned it; "NNN host (smtp)... text" lines concern a host, not a recipient.
import type { MailView } from '../../mail/read-mail.ts';
import { findReplyCode, findStatus } from '../../smtp/codes.ts';
import { findCommand, receivedReply, sentCommand } from '../../smtp/commands.ts';
import { squeeze } from '../../text.ts';
import { noticeLines } from '../notice.ts';
import { splitQuotedOriginal } from '../original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const SUBJECT = /^Returned mail: /i;
const TRANSCRIPT = /^[ \t]*-+ Transcript of session follows -+/m;
const MARKERS = [
  /^[ \t]*-+ (?:Unsent message follows|No message was collected|Original message follows) -+/m,
];
const RECIPIENT_LINE = /^([245]\d\d) <([^<>\s@]+@[^<>\s]+)>\.\.\. ?(.*)$/;
/** "550 example.org (smtp)... 550 Host unknown": sendmail's verdict on a host. */
const HOST_LINE = /^[245]\d\d ([^\s<>@]+) \([\w-]+\)\.\.\./;

interface Session {
  remoteMta: string;
  command: string;
  reply: string[];
}

export const v5sendmail: BounceParser = {
  id: 'v5sendmail',
  parse(mail: MailView): ParsedBounce | null {
    if (mail.deliveryStatus.length > 0 || !SUBJECT.test(mail.headers.get('subject'))) return null;
    const start = TRANSCRIPT.exec(mail.text.slice(0, 4000));
    if (!start) return null;
    const { notice, original } = splitQuotedOriginal(mail.text.slice(start.index), MARKERS);
    const recipients = readTranscript(notice);
    if (recipients.length === 0) return null;
    return { recipients, ...(original ? { quotedOriginal: original } : {}) };
  },
};

function readTranscript(notice: string): ParsedRecipient[] {
  const recipients: ParsedRecipient[] = [];
  let session: Session = { remoteMta: '', command: '', reply: [] };
  for (const line of noticeLines(notice).slice(1)) {
    const talking = /^While talking to ([^\s:]+):?/i.exec(line);
    const sent = sentCommand(line);
    const got = receivedReply(line);
    const failed = RECIPIENT_LINE.exec(line);
    const host = HOST_LINE.exec(line)?.[1] ?? '';
    if (talking) {
      session = { remoteMta: talking[1] ?? '', command: '', reply: [] };
    } else if (sent) {
      session.command = sent;
      session.reply = [];
    } else if (got !== undefined) {
      session.reply.push(got);
    } else if (host && host.toLowerCase() !== session.remoteMta.toLowerCase()) {
      // A verdict on another host: whatever follows is no longer about the session above.
      session = { remoteMta: '', command: '', reply: [] };
    } else if (failed) {
      const address = (failed[2] ?? '').toLowerCase();
      const last = recipients.at(-1);
      if (last?.address === address) continue;
      recipients.push(toRecipient(address, failed[1] ?? '', failed[3] ?? '', session));
      session.reply = [];
    }
  }
  return recipients;
}

function toRecipient(address: string, code: string, text: string, session: Session): ParsedRecipient {
  // The remote server's reply is the better record; sendmail's own line when there was none.
  const serverWords = squeeze(session.reply.join(' '));
  const diagnosticCode = serverWords || squeeze(text);
  return {
    address,
    action: 'failed',
    status: findStatus(diagnosticCode),
    replyCode: findReplyCode(serverWords) || findReplyCode(text) || code,
    diagnosticCode,
    remoteMta: session.remoteMta,
    command: session.command || findCommand(diagnosticCode),
  };
}
