// GMX and mail.com: Exim's wording in GMX's layout. Each recipient on its own line ("addr": or
// <addr>), then "SMTP error from remote server ..." with the host and the reply (sometimes all on one
// line: "... for RCPT TO command, host: mx (192.0.2.1) reason: 550 ..."), or Exim's own explanation.
import type { MailView } from '../../mail/read-mail.ts';
import { findReplyCode, findStatus } from '../../smtp/codes.ts';
import { firstAddress } from '../../text.ts';
import { eximVerdict, readEximWords } from '../exim-words.ts';
import { splitQuotedOriginal } from '../original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

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
    const { notice, original } = splitQuotedOriginal(mail.text.slice(start), MARKERS);
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
      } else if (address && line.trim() && !/^Reason:\s*$/i.test(line.trim())) {
        lines.push(line.trim());
      }
    }
    flush();
    if (recipients.length === 0) return null;
    return { recipients, ...(original ? { quotedOriginal: original } : {}) };
  },
};

function toRecipient(address: string, lines: readonly string[]): ParsedRecipient {
  const words = readEximWords(lines);
  const reason = eximVerdict(words);
  return {
    address,
    action: 'failed',
    status: findStatus(words.diagnostic),
    replyCode: findReplyCode(words.diagnostic),
    diagnosticCode: words.diagnostic,
    remoteMta: words.remoteMta,
    command: words.command,
    ...(reason ? { reason } : {}),
  };
}
