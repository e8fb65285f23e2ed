// Ipswitch/Progress IMail Server (X-Mailer: <SMTP32 vN>): "Undeliverable Mail" with one line per
// recipient, "<error>: <address>" ("Unknown user: a@b", "Delivery failed 20 attempts: a@b"), the
// remote server's reply after "Body of message generated response:", then "Original message follows.".
import type { MailView } from '../../mail/read-mail.ts';
import { firstAddress, squeeze } from '../../text.ts';
import { noticeLines, reasonOfWording, recipientOf, type WordingTable } from '../notice.ts';
import { splitQuotedOriginal } from '../original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const MARKERS = [/^Original message follows\.\s*$/m];
const ERROR_LINE = /^([^:@]{4,80}): ?([^\s<>@]+@[^\s<>]+)\s*$|^undeliverable to ([^\s<>@]+@[^\s<>]+)/i;

/** IMail's own error texts. */
const IMAIL_WORDINGS: WordingTable = [
  ['hostunknown', ['Unknown host']],
  ['userunknown', ['Unknown user', 'Invalid final delivery userid']],
  ['mailboxfull', ['User mailbox exceeds allowed size']],
  ['virusdetected', ['Requested action not taken: virus detected']],
  ['spamdetected', ['Blacklisted URL in message']],
  ['expired', ['Delivery failed ']],
];

export const imailserver: BounceParser = {
  id: 'imailserver',
  parse(mail: MailView): ParsedBounce | null {
    const fromImail =
      /^<SMTP32 v/i.test(mail.headers.get('x-mailer')) ||
      (/^Undeliverable Mail\s*$/.test(mail.headers.get('subject')) && mail.deliveryStatus.length === 0);
    if (!fromImail) return null;
    const { notice, original } = splitQuotedOriginal(mail.text, MARKERS);
    const lines = noticeLines(notice);
    const response = serverResponse(lines);
    const recipients: ParsedRecipient[] = [];
    for (const line of lines) {
      const error = ERROR_LINE.exec(line.trim());
      // IMail's labels are phrases ("Unknown user"); a one-word label is a header line ("To: ...").
      if (!error || (error[1] !== undefined && !/\s/.test(error[1].trim()))) continue;
      const address = firstAddress(error[2] ?? error[3] ?? '');
      const own = squeeze(line);
      const r = recipientOf(address, response || own);
      const reason = reasonOfWording(own, IMAIL_WORDINGS);
      if (reason) r.reason = reason;
      recipients.push(r);
    }
    if (recipients.length === 0) return null;
    return { recipients, ...(original ? { quotedOriginal: original } : {}) };
  },
};

/** The remote server's reply quoted after "Body of message generated response:". */
function serverResponse(lines: readonly string[]): string {
  const at = lines.findIndex((line) => /Body of message generated response:/i.test(line));
  if (at === -1) return '';
  const reply: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (!line.trim()) {
      if (reply.length > 0) break;
      continue;
    }
    reply.push(line);
  }
  return squeeze(reply.join(' '));
}
