// Mail.ru / my.com: an Exim notice, in Russian and then in English, each recipient indented by two
// spaces with Exim's explanation or the remote server's reply indented by four below it.
import type { MailView } from '../mail/read-mail.ts';
import { addressesIn, findReplyCode, findStatus, firstAddress, MATCH_LIMIT, squeeze } from '../text.ts';
import { EXIM_DELAY, eximCommand, eximExplanationReason } from './exim-words.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from './parser.ts';
import { splitAtOriginal } from './provider-notice.ts';

const SENDER = /\bmailer-daemon@[\w.-]{0,80}\b(?:mail\.ru|my\.com)\b/i;
const MESSAGE_ID = /[.@](?:mail\.ru|smailru\.net|my\.com)>\s*$/i;
const SUBJECTS =
  /Mail failure|Mail delivery failed|Delivery Status Notification|Message frozen|Warning: message /i;
const ENGLISH = /^This message was created automatically by mail delivery software\./m;
const MARKERS = [/^-+ ?This is a copy of the message, including all the headers/im];
const RECIPIENT = /^ {2}(\S+)\s*$/;
const SMTP_ERROR = /^SMTP error from remote (?:mail server|mailer) after\b/i;
const HOST_SAID = /^host ([\w.-]+) \[[\d.:a-f]{3,45}\](?::\d+)?:\s*/i;

export const mailru: BounceParser = {
  id: 'mailru',
  parse(mail: MailView): ParsedBounce | null {
    const votes =
      Number(SENDER.test(mail.headers.get('from'))) +
      Number(MESSAGE_ID.test(mail.headers.get('message-id'))) +
      Number(SUBJECTS.test(mail.headers.get('subject')));
    if (votes < 2) return null;
    const { notice, original } = splitAtOriginal(mail.text, MARKERS);
    const bounded = notice.slice(0, MATCH_LIMIT);
    const english = bounded.search(ENGLISH);
    const action = EXIM_DELAY.test(bounded) ? 'delayed' : 'failed';
    let recipients = readBlocks(english === -1 ? bounded : bounded.slice(english), action);
    if (recipients.length === 0) {
      recipients = addressesIn(mail.headers.get('x-failed-recipients')).map((address) => ({
        address,
        action,
      }));
    }
    if (recipients.length === 0) return null;
    return { recipients, ...(original ? { quotedOriginal: original } : {}) };
  },
};

function readBlocks(text: string, action: string): ParsedRecipient[] {
  const recipients: ParsedRecipient[] = [];
  let address = '';
  let lines: string[] = [];
  const flush = () => {
    if (address) recipients.push(toRecipient(address, action, lines));
    address = '';
    lines = [];
  };
  for (const line of text.split('\n')) {
    const head = RECIPIENT.exec(line);
    if (head && (head[1] ?? '').includes('@')) {
      flush();
      address = firstAddress(head[1] ?? '');
    } else if (address && /^ {4}\S/.test(line)) {
      lines.push(line.trim().replace(/^Delay reason:\s*/i, ''));
    } else if (address && line.trim()) {
      flush();
    }
  }
  flush();
  return recipients;
}

function toRecipient(address: string, action: string, lines: readonly string[]): ParsedRecipient {
  const errorAt = lines.findIndex((line) => SMTP_ERROR.test(line));
  const command = errorAt === -1 ? '' : eximCommand(lines[errorAt] ?? '');
  const rest = errorAt === -1 ? lines : lines.slice(errorAt + 1);
  const joined = squeeze(rest.join(' '));
  const host = HOST_SAID.exec(joined);
  const said = host ? joined.slice(host[0].length) : '';
  const words = said || joined;
  const reason = said ? undefined : eximExplanationReason(words);
  return {
    address,
    action,
    status: findStatus(said),
    replyCode: findReplyCode(said),
    diagnosticCode: words,
    remoteMta: host?.[1]?.toLowerCase() ?? '',
    command,
    ...(reason ? { reason } : {}),
  };
}
