// X1, an unidentified MTA (Sisimai's name): "Returned Mail: <reason>" or "Mail Delivery Failure" from
// "Mail Deliver(y) System", a plain notice
//   The original message was received at <date>
//   from <sender>
//   ---The following addresses had delivery errors---
//   <address> [<error text>]
// and the returned message as a second, header-less text part.
import type { MailView } from '../../mail/read-mail.ts';
import { squeeze } from '../../text.ts';
import { noticeLines, recipientOf } from '../notice.ts';
import { looksLikeHeaders } from '../original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const SUBJECT = /^(?:Returned Mail: |Mail Delivery Failure)/i;
const SENDER = /^"?Mail Deliver(?:y)? System"?\s*</i;
const LIST_HEAD = /^-{2,} ?The following addresses had delivery errors ?-{2,}$/;
const ERROR_LINE = /^([^\s<>[\]@]+@[A-Za-z0-9.-]+) \[([^\]]*)\]$/;

export const x1: BounceParser = {
  id: 'x1',
  parse(mail: MailView): ParsedBounce | null {
    if (!SUBJECT.test(mail.headers.get('subject')) && !SENDER.test(mail.headers.get('from'))) return null;
    const lines = noticeLines(mail.text);
    const head = lines.findIndex((line) => LIST_HEAD.test(line.trim()));
    if (head === -1) return null;
    const recipients: ParsedRecipient[] = [];
    let end = head + 1;
    for (; end < lines.length; end++) {
      const line = (lines[end] ?? '').trim();
      const error = ERROR_LINE.exec(line);
      if (error) recipients.push(recipientOf(error[1] ?? '', squeeze(error[2] ?? '')));
      else if (line && recipients.length > 0) break;
    }
    if (recipients.length === 0) return null;
    const rest = lines.slice(end).join('\n').replace(/^\s+/, '');
    return { recipients, ...(looksLikeHeaders(rest) ? { quotedOriginal: rest } : {}) };
  },
};
