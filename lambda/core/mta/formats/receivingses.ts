// Amazon SES (receiving): the bounces a receipt rule sends back for an inbound message, from
// inbound-smtp.<region>.amazonaws.com, "This message could not be delivered."

import { recipientsFromDsn } from '../../dsn/recipients.ts';
import type { MailView } from '../../mail/read-mail.ts';
import { preferInnerReply } from '../amazon-words.ts';
import type { BounceParser, ParsedBounce } from '../parser.ts';

const INBOUND_MTA = /^Reporting-MTA:\s*dns;\s*inbound-smtp\.[\w.-]*amazonaws\.com/im;
const NOTICE = /^This message could not be delivered\.\s*$/m;

export const receivingses: BounceParser = {
  id: 'receivingses',
  parse(mail: MailView): ParsedBounce | null {
    const inbound = mail.deliveryStatus.some((part) => INBOUND_MTA.test(part));
    if (!inbound && !(mail.headers.has('x-ses-outgoing') && NOTICE.test(mail.text.slice(0, 4096)))) {
      return null;
    }
    const recipients = recipientsFromDsn(mail);
    if (recipients.length === 0) return null;
    for (const r of recipients) preferInnerReply(r);
    return { recipients };
  },
};
