// Trend Micro InterScan Messaging Security Suite (IMSS): "Mail could not be delivered" from
// "InterScan Notification" (or an InterScan MIME boundary), with
//   Unable to deliver message to <address> (and other recipients in the same domain).
// or a transcript "Sent <<< RCPT TO:<address>" / "Received >>> 550 5.1.1 ... user unknown" (labelled
// in the notice's language: a Japanese notice writes its own words before the arrows).
import type { MailView } from '../../mail/read-mail.ts';
import { findCommand } from '../../smtp/commands.ts';
import { squeeze } from '../../text.ts';
import { angledAddress, noticeLines, recipientOf } from '../notice.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const UNABLE = /Unable to deliver (?:message )?to <[^<>\s@]+@[^<>\s]+>/;
/** IMSS's Japanese subjects ("cannot deliver the message", "mail delivery failed"). */
const JAPANESE_SUBJECTS = new Set(['メッセージを配信できません。', 'メール配信に失敗しました']);
/** "<label> <<< text" or "<label> >>> text": a command sent, or the reply received, whatever the arrow. */
const TRANSCRIPT = /^\s*\S+ (?:<<<|>>>) (.*)$/;
const SENT = /^(?:RCPT|MAIL|DATA|EHLO|HELO|RSET|QUIT)\b/i;

export const trendmicro: BounceParser = {
  id: 'trendmicro',
  parse(mail: MailView): ParsedBounce | null {
    const fromImss =
      /^"?InterScan\b|\("InterScan /i.test(mail.headers.get('from')) ||
      /InterScan/.test(mail.headers.get('content-type')) ||
      /\bInterScan Messaging Security Suite\b/.test(mail.text.slice(0, 4000)) ||
      JAPANESE_SUBJECTS.has(mail.headers.get('subject').trim());
    if (!fromImss) return null;
    const recipients: ParsedRecipient[] = [];
    let command = '';
    for (const line of noticeLines(mail.text)) {
      const said = TRANSCRIPT.exec(line)?.[1] ?? '';
      if (UNABLE.test(line)) {
        const r = recipientOf(
          angledAddress(line.slice(line.search(UNABLE))),
          squeeze(line.replace(/^\s*Reason:\s*/i, '')),
        );
        // IMSS writes this when the recipient's server refused the address itself.
        r.reason = 'userunknown';
        recipients.push(r);
      } else if (SENT.test(said)) {
        command = findCommand(`>>> ${said}`);
        const address = angledAddress(said);
        if (address && !recipients.some((r) => r.address === address))
          recipients.push({ address, action: 'failed' });
      } else if (/^[45]\d\d\b/.test(said)) {
        const last = recipients.at(-1);
        if (last) Object.assign(last, recipientOf(last.address, said, { command }));
      }
    }
    return recipients.length > 0 ? { recipients } : null;
  },
};
