// X5, Sisimai's name for an unidentified Japanese gateway that wraps a whole DSN in another mail:
// From "Mail Delivery Subsystem" (ISO-2022-JP encoded word), To "NotificationRecipients", and a
// message/rfc822 part holding the real report: its message/delivery-status part names the recipients.

import { recipientsFromDsn } from '../../dsn/recipients.ts';
import type { MailView } from '../../mail/read-mail.ts';
import { MATCH_LIMIT } from '../../text.ts';
import type { BounceParser, ParsedBounce } from '../parser.ts';

const DAEMON = /Mail Delivery Subsystem/;
const STATUS_PART = /^Content-Type:[ \t]*message\/delivery-status\b/im;

export const x5: BounceParser = {
  id: 'x5',
  parse(mail: MailView): ParsedBounce | null {
    const signs = [
      /NotificationRecipients/.test(mail.headers.get('to')),
      DAEMON.test(mail.headers.get('from')),
      DAEMON.test(mail.headers.get('subject')),
    ];
    if (signs.filter(Boolean).length < 2 || !mail.attachedOriginal) return null;
    const part = wrappedDeliveryStatus(mail.attachedOriginal.raw.toString('utf8', 0, MATCH_LIMIT * 4));
    if (!part) return null;
    const recipients = recipientsFromDsn({ ...mail, deliveryStatus: [part] });
    return recipients.length > 0 ? { recipients } : null;
  },
};

/** The body of the message/delivery-status part of the wrapped report, up to its boundary line. */
function wrappedDeliveryStatus(report: string): string {
  const header = STATUS_PART.exec(report);
  if (!header) return '';
  const rest = report.slice(header.index);
  const body = rest.indexOf('\n\n');
  if (body === -1) return '';
  const end = rest.slice(body + 2).search(/^--\S/m);
  return end === -1 ? rest.slice(body + 2) : rest.slice(body + 2, body + 2 + end);
}
