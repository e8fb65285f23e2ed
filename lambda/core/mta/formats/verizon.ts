// Verizon Wireless as the sending side, for mail to its SMS and MMS gateways:
// - vtext.com (post_master@vtext.com): "Error: ...", the reply ("550 - Requested action not taken:
//   no such user here"), then "Message details:" with indented Subject, Sent date, MAIL FROM, RCPT TO;
// - vzwpix.com (sysadmin@...vzwpix.com): "Message could not be delivered to mobile.", "Error: No valid
//   recipients for this MM", then "Original Message:" with the message's From, To, Subject, Date.
import type { MailView } from '../../mail/read-mail.ts';
import { addressesIn, squeeze } from '../../text.ts';
import { noticeLines, reasonOfWording, recipientOf, type WordingTable } from '../notice.ts';
import { looksLikeHeaders } from '../original.ts';
import type { BounceParser, ParsedBounce } from '../parser.ts';

const SENDER = /post_master@vtext\.com|sysadmin@[\w.-]*\.vzwpix\.com/i;
const ERROR_START = /^Error:\s/;
const DETAILS = /^(?:Message details|Original Message):\s*$/m;

/** Verizon's own sentences, with the reasons Sisimai gives them. */
const VERIZON_WORDINGS: WordingTable = [
  ['userunknown', ['Requested action not taken: no such user here', 'No valid recipients for this MM']],
];

export const verizon: BounceParser = {
  id: 'verizon',
  parse(mail: MailView): ParsedBounce | null {
    if (!SENDER.test(mail.headers.get('from'))) return null;
    const marker = DETAILS.exec(mail.text.slice(0, 65_536));
    if (!marker) return null;
    const notice = noticeLines(mail.text.slice(0, marker.index));
    const start = notice.findIndex((line) => ERROR_START.test(line));
    if (start === -1) return null;
    const words = squeeze(notice.slice(start).join(' ').replace(ERROR_START, ''));
    const details = detailsOf(mail.text.slice(marker.index + marker[0].length));
    const address = addressesIn(details.get('rcpt to') ?? details.get('to') ?? '')[0];
    if (!address) return null;
    const r = recipientOf(address, words);
    const reason = reasonOfWording(words, VERIZON_WORDINGS);
    if (reason) r.reason = reason;
    const original = originalOf(details);
    return { recipients: [r], ...(original ? { quotedOriginal: original } : {}) };
  },
};

/** The "Name: value" lines after the marker, indented or not, up to the first blank line after them. */
function detailsOf(text: string): Map<string, string> {
  const details = new Map<string, string>();
  for (const line of noticeLines(text).slice(0, 40)) {
    const m = /^\s*([A-Za-z][A-Za-z ()-]{0,30}?):\s*(.*)$/.exec(line);
    if (m) {
      const name = (m[1] ?? '').toLowerCase();
      if (!details.has(name)) details.set(name, (m[2] ?? '').trim());
    } else if (!line.trim() && details.size > 0) {
      break;
    }
  }
  return details;
}

// The notice names the returned message's subject, sender and date: enough for a ticket's title.
function originalOf(details: ReadonlyMap<string, string>): string {
  const fields: Array<[string, string | undefined]> = [
    ['From', details.get('from') ?? details.get('mail from')],
    ['To', details.get('to') ?? details.get('rcpt to')],
    ['Subject', details.get('subject')],
    ['Date', details.get('date') ?? details.get('sent date')],
  ];
  const block = fields
    .filter(([, value]) => value)
    .map(([name, value]) => `${name}: ${value}\n`)
    .join('');
  return details.has('subject') && looksLikeHeaders(block) ? block : '';
}
