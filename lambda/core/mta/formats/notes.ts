// Lotus Notes (IBM/HCL Notes) SMTP MTA: "Undeliverable message" with
//   ------- Failure Reasons  --------
//   <reason text, possibly Japanese>
//   <address>
//   ------- Returned Message --------
import type { MailView } from '../../mail/read-mail.ts';
import { squeeze } from '../../text.ts';
import { isBareAddress, noticeLines, reasonOfWording, recipientOf, type WordingTable } from '../notice.ts';
import { splitQuotedOriginal } from '../original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const REASONS_HEAD = /^-{3,} Failure Reasons\s+-{3,}\s*$/m;
const MARKERS = [/^-{3,} Returned Message -{3,}\s*$/m];

/** Notes's own error texts. */
const NOTES_WORDINGS: WordingTable = [
  ['userunknown', ['User not listed in public Name & Address Book', 'ディレクトリのリストにありません']],
  ['networkerror', ['Message has exceeded maximum hop count']],
];

export const notes: BounceParser = {
  id: 'notes',
  parse(mail: MailView): ParsedBounce | null {
    if (!/^Undeliverable message/i.test(mail.headers.get('subject'))) return null;
    const head = REASONS_HEAD.exec(mail.text);
    if (!head) return null;
    const { notice, original } = splitQuotedOriginal(mail.text.slice(head.index + head[0].length), MARKERS);
    const recipients: ParsedRecipient[] = [];
    let words: string[] = [];
    for (const line of noticeLines(notice)) {
      if (isBareAddress(line)) {
        recipients.push(toRecipient(line.trim(), words));
        words = [];
      } else if (line.trim()) {
        words.push(line);
      }
    }
    if (recipients.length === 0) return null;
    return { recipients, ...(original ? { quotedOriginal: original } : {}) };
  },
};

function toRecipient(address: string, words: readonly string[]): ParsedRecipient {
  const text = squeeze(words.join(' '));
  const r = recipientOf(address, text);
  const reason = reasonOfWording(text, NOTES_WORDINGS);
  if (reason) r.reason = reason;
  return r;
}
