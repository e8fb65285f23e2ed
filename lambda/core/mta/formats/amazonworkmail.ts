// Amazon WorkMail: "Delivery Status Notification (Failure)" sent through SES, whose text part carries
// the DSN fields after "Technical report:" instead of a message/delivery-status part.

import { recipientsFromDsn } from '../../dsn/recipients.ts';
import type { MailView } from '../../mail/read-mail.ts';
import { preferInnerReply } from '../amazon-words.ts';
import type { BounceParser, ParsedBounce } from '../parser.ts';

const WORKMAIL = /^Amazon WorkMail\b/i;

export const amazonworkmail: BounceParser = {
  id: 'amazonworkmail',
  parse(mail: MailView): ParsedBounce | null {
    const h = mail.headers;
    if (!WORKMAIL.test(h.get('x-mailer')) && !WORKMAIL.test(h.get('x-original-mailer'))) return null;
    const recipients = recipientsFromDsn(mail);
    if (recipients.length === 0) return null;
    for (const r of recipients) preferInnerReply(r);
    return { recipients };
  },
};
