// Amazon SES (sending): DSNs from MAILER-DAEMON@...amazonses.com, and SES event notifications (JSON
// mailed through SNS) for bounces, complaints and deliveries.

import { recipientsFromDsn } from '../../dsn/recipients.ts';
import type { MailView } from '../../mail/read-mail.ts';
import { preferInnerReply } from '../amazon-words.ts';
import type { BounceParser, ParsedBounce } from '../parser.ts';
import { looksLikeSesNotification, readSesNotification } from '../ses-notification.ts';

const SES_HOST = /@[\w.-]*amazonses\.com>?\s*$/i;
/** SES's own words when it did not even try: the address is on a suppression list. */
const SUPPRESSED =
  /\bon the (?:account-level )?suppression list\b|\bhas suppressed sending to this address\b/i;
const SES_REPORTING_MTA = /^Reporting-MTA:\s*dsn;\s*[\w.-]+\.smtp-out\.(?:[\w-]+\.)?amazonses\.com/im;

export const amazonses: BounceParser = {
  id: 'amazonses',
  parse(mail: MailView): ParsedBounce | null {
    const h = mail.headers;
    if (looksLikeSesNotification(mail.text)) return readSesNotification(mail.text);
    const fromSes =
      SES_HOST.test(h.get('from').slice(0, 512)) || SES_HOST.test(h.get('message-id').slice(0, 512));
    if (!fromSes && !mail.deliveryStatus.some((part) => SES_REPORTING_MTA.test(part))) return null;
    const recipients = recipientsFromDsn(mail);
    if (recipients.length === 0) return null;
    for (const r of recipients) {
      preferInnerReply(r);
      if (SUPPRESSED.test(r.diagnosticCode ?? '')) r.reason = 'suppressed';
    }
    return { recipients };
  },
};
