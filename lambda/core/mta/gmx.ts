// GMX and mail.com: Exim's wording in GMX's layout. Each recipient on its own line ("addr": or
// <addr>), then "SMTP error from remote server after RCPT command:", "host: mx", and the reply (or
// all of it on one line); or "Reason:" and Exim's explanation.
import type { MailView } from '../mail/read-mail.ts';
import { findReplyCode, findStatus, firstAddress, squeeze } from '../text.ts';
import { eximCommand, eximExplanationReason } from './exim-words.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from './parser.ts';
import { splitAtOriginal } from './provider-notice.ts';

const SENDER = /\bmailer-daemon@(?:mail\.)?(?:gmx\.(?:com|net|de|at|ch)|mail\.com)\b/i;
const START = /^This message was created automatically by mail delivery software/m;
const MARKERS = [/^-+ ?The header of the original message is following/im];
const RECIPIENT = /^["<]([^"<>\s]+@[^"<>\s]+)[">]:?\s*$/;

export const gmx: BounceParser = {
  id: 'gmx',
  parse(mail: MailView): ParsedBounce | null {
    if (!mail.headers.has('x-gmx-antispam') && !SENDER.test(mail.headers.get('from'))) return null;
    const start = mail.text.search(START);
    if (start === -1) return null;
    const { notice, original } = splitAtOriginal(mail.text.slice(start), MARKERS);
    const recipients: ParsedRecipient[] = [];
    let address = '';
    let lines: string[] = [];
    const flush = () => {
      if (address) recipients.push(toRecipient(address, lines));
      lines = [];
    };
    for (const line of notice.split('\n')) {
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

function toRecipient(address: string, lines: readonly string[]): ParsedRecipient {
  let command = '';
  let remoteMta = '';
  const words: string[] = [];
  for (const line of lines) {
    if (/^SMTP error from remote/i.test(line)) {
      // One-line variant: "... for RCPT TO command, host: mx.example.jp (192.0.2.1) reason: 550 ..."
      command = eximCommand(line);
      remoteMta = /\bhost:\s*([\w.-]{1,253})/i.exec(line)?.[1]?.toLowerCase() ?? '';
      const reason = /\breason:\s*(.*)$/i.exec(line)?.[1];
      if (reason) words.push(reason);
    } else if (/^host:\s*/i.test(line)) {
      remoteMta = line.replace(/^host:\s*/i, '').toLowerCase();
    } else if (!/^Reason:\s*$/i.test(line)) {
      words.push(line);
    }
  }
  const said = squeeze(words.join(' '));
  const reason = command ? undefined : eximExplanationReason(said);
  return {
    address,
    action: 'failed',
    status: findStatus(said),
    replyCode: findReplyCode(said),
    diagnosticCode: said,
    remoteMta,
    command,
    ...(reason ? { reason } : {}),
  };
}
