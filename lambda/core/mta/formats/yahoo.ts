// Yahoo! Mail (and Yahoo! JAPAN): "Failure Notice", each recipient as "<address>:" followed by the
// remote host's reply, with Yahoo's tag of the SMTP command ("[RCPT_TO]") after it.
import type { MailView } from '../../mail/read-mail.ts';
import { findReplyCode, findStatus, leadingReplyCode } from '../../smtp/codes.ts';
import { findCommand } from '../../smtp/commands.ts';
import { firstAddress, squeeze } from '../../text.ts';
import { splitQuotedOriginal } from '../original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const START = /^Sorry, we were unable to deliver your message to the following address/m;
const MARKERS = [/^-+ ?Below this line is a copy of the message/im];
const RECIPIENT = /^<([^<>\s]+@[^<>\s]+)>:\s*$/;
/** Yahoo's tag for the command the remote host answered. */
const COMMAND_TAG = /\[(RCPT_TO|MAIL_FROM|DATA|BODY|EHLO|HELO|CONNECT|STARTTLS)\]/i;
const COMMANDS: Readonly<Record<string, string>> = {
  RCPT_TO: 'RCPT',
  MAIL_FROM: 'MAIL',
  DATA: 'DATA',
  BODY: 'DATA',
  EHLO: 'EHLO',
  HELO: 'HELO',
  CONNECT: 'CONN',
  STARTTLS: 'STARTTLS',
};

export const yahoo: BounceParser = {
  id: 'yahoo',
  parse(mail: MailView): ParsedBounce | null {
    if (!isYahoo(mail) || !START.test(mail.text)) return null;
    const { notice, original } = splitQuotedOriginal(mail.text, MARKERS);
    const recipients: ParsedRecipient[] = [];
    let lines: string[] = [];
    let address = '';
    const flush = () => {
      if (address) recipients.push(toRecipient(address, lines));
      lines = [];
    };
    for (const line of notice.slice(notice.search(START)).split('\n').slice(1)) {
      const head = RECIPIENT.exec(line);
      if (head) {
        flush();
        address = firstAddress(head[1] ?? '');
      } else if (address && line.trim()) {
        lines.push(line.trim());
      }
    }
    flush();
    if (recipients.length === 0) return null;
    return { recipients, ...(original ? { quotedOriginal: original } : {}) };
  },
};

function isYahoo(mail: MailView): boolean {
  if (mail.headers.has('x-ymailisg')) return true;
  return /^Failure Notice$/i.test(mail.headers.get('subject')) && /yahoo/i.test(mail.headers.get('from'));
}

function toRecipient(address: string, lines: readonly string[]): ParsedRecipient {
  const joined = squeeze(lines.join(' '));
  const tag = COMMAND_TAG.exec(joined)?.[1]?.toUpperCase() ?? '';
  const said = squeeze(joined.replace(/^Remote host said:\s*/i, '').replace(COMMAND_TAG, ''));
  // "550: 5.2.2 <a@b>... Mailbox Full": Yahoo puts a colon after the remote host's reply code.
  const reply = leadingReplyCode(said) || findReplyCode(said);
  const words = said.replace(/^([245]\d\d):\s*:?\s*/, '$1 ');
  return {
    address,
    action: 'failed',
    status: findStatus(words),
    replyCode: reply,
    diagnosticCode: words,
    command: COMMANDS[tag] ?? findCommand(words),
  };
}
