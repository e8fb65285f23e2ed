// Trend Micro InterScan Messaging Security Suite (IMSS): "Mail could not be delivered" from
// "InterScan Notification" (or an InterScan MIME boundary), with
//   Unable to deliver message to <address> (and other recipients in the same domain).
// or a transcript "Sent <<< RCPT TO:<address>" / "Received >>> 550 5.1.1 ... user unknown".
import type { MailView } from '../mail/read-mail.ts';
import { findCommand, squeeze } from '../text.ts';
import { angledAddress, noticeLines, recipientOf } from './notice.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from './parser.ts';

const UNABLE = /Unable to deliver (?:message )?to <[^<>\s@]+@[^<>\s]+>/;

export const trendmicro: BounceParser = {
  id: 'trendmicro',
  parse(mail: MailView): ParsedBounce | null {
    const fromImss =
      /^"?InterScan\b|\("InterScan /i.test(mail.headers.get('from')) ||
      /InterScan/.test(mail.headers.get('content-type')) ||
      /\bInterScan Messaging Security Suite\b/.test(mail.text.slice(0, 4000));
    if (!fromImss) return null;
    const recipients: ParsedRecipient[] = [];
    let command = '';
    for (const line of noticeLines(mail.text)) {
      const sent = /\bSent <<< (.*)$/.exec(line);
      const received = /\bReceived >>> (.*)$/.exec(line);
      if (UNABLE.test(line)) {
        const r = recipientOf(
          angledAddress(line.slice(line.search(UNABLE))),
          squeeze(line.replace(/^\s*Reason:\s*/i, '')),
        );
        // IMSS writes this when the recipient's server refused the address itself.
        r.reason = 'userunknown';
        recipients.push(r);
      } else if (sent) {
        command = findCommand(`>>> ${sent[1] ?? ''}`);
        const address = angledAddress(sent[1] ?? '');
        if (address && !recipients.some((r) => r.address === address))
          recipients.push({ address, action: 'failed' });
      } else if (received) {
        const last = recipients.at(-1);
        if (last) Object.assign(last, recipientOf(last.address, received[1] ?? '', { command }));
      }
    }
    return recipients.length > 0 ? { recipients } : null;
  },
};
