// au by KDDI (au one net, dion.ne.jp) as the sending side: "メールエラー通知" from
// no-reply@...dion.ne.jp (Reply-To: no-reply@app.auone-net.jp), a Japanese notice, then
//   Your mail sent on: <date>
//        Could not be delivered to: <address>
//        As their mailbox is full.
import type { MailView } from '../../mail/read-mail.ts';
import { squeeze } from '../../text.ts';
import { noticeLines, reasonOfWording, recipientOf, type WordingTable } from '../notice.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const OPENER = /^Your mail (?:sent|attempted to be delivered) on:/m;
const RECIPIENT = /^\s+Could not be delivered to: <([^<>\s@]+@[^<>\s]+)>/;

/** KDDI's own English sentences. */
const KDDI_WORDINGS: WordingTable = [
  ['mailboxfull', ['As their mailbox is full']],
  ['norelaying', ['Due to the following SMTP relay error']],
  ['hostunknown', ['As the remote domain doesnt exist']],
];

export const kddi: BounceParser = {
  id: 'kddi',
  parse(mail: MailView): ParsedBounce | null {
    const fromKddi =
      /no-reply@\S*\.dion\.ne\.jp/i.test(mail.headers.get('from')) ||
      /no-reply@app\.auone-net\.jp/i.test(mail.headers.get('reply-to'));
    if (!fromKddi || !OPENER.test(mail.text)) return null;
    const blocks: Array<[string, string[]]> = [];
    for (const line of noticeLines(mail.text)) {
      const head = RECIPIENT.exec(line);
      if (head) blocks.push([(head[1] ?? '').toLowerCase(), []]);
      else if (/^\s+\S/.test(line)) blocks.at(-1)?.[1].push(line);
      else if (line.trim()) blocks.push(['', []]);
    }
    const filtered = /^NG\b/i.test(mail.headers.get('x-spasign'));
    const recipients = blocks
      .filter(([address]) => address)
      .map(([address, lines]) => toRecipient(address, lines, filtered));
    return recipients.length > 0 ? { recipients } : null;
  },
};

function toRecipient(address: string, lines: readonly string[], filtered: boolean): ParsedRecipient {
  const words = squeeze(lines.join(' '));
  const r = recipientOf(address, words);
  const reason = filtered ? 'filtered' : reasonOfWording(words, KDDI_WORDINGS);
  if (reason) r.reason = reason;
  return r;
}
