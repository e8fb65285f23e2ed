// TransWARE / QUALITIA Active!hunter: a sendmail-like "FAILURE NOTICE" marked by an X-AHMailID
// header, the returned message attached:
//     ----- The following addresses had permanent fatal errors -----
//   >>> user@example.org <user@example.org>
//     ----- Transcript of session follows -----
//   550 sorry, no mailbox here by that name (#5.1.1 - chkusr)
import type { MailView } from '../../mail/read-mail.ts';
import { angledAddress, noticeLines, recipientOf } from '../notice.ts';
import type { BounceParser, ParsedBounce } from '../parser.ts';

const START = /^\s*-+ The following addresses had permanent fatal errors -+\s*$/;
const RECIPIENT = /^>>>\s+\S/;
/** A transcript line: the remote server's (or the MTA's own) words start with a letter or digit. */
const WORDS = /^[0-9A-Za-z]/;

export const activehunter: BounceParser = {
  id: 'activehunter',
  parse(mail: MailView): ParsedBounce | null {
    if (!mail.headers.has('x-ahmailid')) return null;
    const lines = noticeLines(mail.text);
    const start = lines.findIndex((line) => START.test(line));
    if (start === -1) return null;
    const addresses: string[] = [];
    let words = '';
    for (const line of lines.slice(start + 1)) {
      if (RECIPIENT.test(line)) {
        const address = angledAddress(line) || (/^>>>\s+(\S+@\S+)/.exec(line)?.[1] ?? '');
        if (address) addresses.push(address.toLowerCase());
      } else if (!words && WORDS.test(line)) {
        words = line;
      }
    }
    // One transcript follows the list of addresses: it concerns each of them.
    const recipients = addresses.map((address) => recipientOf(address, words));
    return recipients.length > 0 ? { recipients } : null;
  },
};
