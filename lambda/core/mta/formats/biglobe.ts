// BIGLOBE (and the cable operators it hosts: inacatv, tmtv, ttv) as the sending side: "Returned mail:"
// from postmaster@biglobe.ne.jp, a Japanese notice, then
//      ----- The following addresses had delivery problems -----
//   user@example.jp
//      ----- Non-delivered information -----
//   The number of messages in recipient's mailbox exceeded the local limit.
import type { MailView } from '../../mail/read-mail.ts';
import { isBareAddress, noticeLines, reasonOfWording, recipientOf, type WordingTable } from '../notice.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const SENDER = /postmaster@(?:[\w-]+\.)*(?:biglobe|inacatv|tmtv|ttv)\.ne\.jp/i;
const START = /^\s*-+ The following addresses had delivery problems -+\s*$/;
/** English explanation lines; the Japanese ones and the banners are not the server's words. */
const WORDS = /^[0-9A-Za-z]/;

/** BIGLOBE's own sentences, with the reasons Sisimai gives them. */
const BIGLOBE_WORDINGS: WordingTable = [
  // BIGLOBE's wording for a recipient that refuses the sender (Sisimai: filtered), not a missing user.
  ['filtered', ['Mail Delivery Failed... User unknown']],
  ['mailboxfull', ["The number of messages in recipient's mailbox exceeded the local limit"]],
];

export const biglobe: BounceParser = {
  id: 'biglobe',
  parse(mail: MailView): ParsedBounce | null {
    if (!SENDER.test(mail.headers.get('from')) || !/^Returned mail:/i.test(mail.headers.get('subject'))) {
      return null;
    }
    const lines = noticeLines(mail.text);
    const start = lines.findIndex((line) => START.test(line));
    if (start === -1) return null;
    const blocks: Array<[string, string[]]> = [];
    for (const line of lines.slice(start + 1)) {
      if (isBareAddress(line)) blocks.push([line.trim().toLowerCase(), []]);
      else if (WORDS.test(line)) blocks.at(-1)?.[1].push(line);
    }
    const recipients = blocks.map(([address, words]) => toRecipient(address, words.join(' ')));
    return recipients.length > 0 ? { recipients } : null;
  },
};

function toRecipient(address: string, words: string): ParsedRecipient {
  const r = recipientOf(address, words);
  const reason = reasonOfWording(words, BIGLOBE_WORDINGS);
  if (reason) r.reason = reason;
  return r;
}
