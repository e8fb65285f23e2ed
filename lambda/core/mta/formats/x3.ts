// X3, an unidentified MTA (Sisimai's name): "Delivery status notification" from "Mail Delivery
// System", a framed notice
//   This is an automatically generated Delivery Status Notification.
//   Delivery to the following recipients failed permanently:   (or "was aborted after 5.0 hour(s):")
//      * <address>
//   Technical details:
//   SMTP:RCPT host 192.0.2.8: 553 5.3.0 <address>... No such user here    (or "Routing: ...")
// and the original as message/rfc822.
import type { MailView } from '../../mail/read-mail.ts';
import { normalizeCommand } from '../../smtp/commands.ts';
import { addressesIn, squeeze } from '../../text.ts';
import { isBareAddress, noticeLines, recipientOf } from '../notice.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const OPENER = /^[ \t]*This is an automatically generated Delivery Status Notification\./m;
const SMTP_DETAIL = /^SMTP:(\w{4})\S* host ([^\s:]+): (.*)$/;

export const x3: BounceParser = {
  id: 'x3',
  parse(mail: MailView): ParsedBounce | null {
    if (!/^Mail Delivery System\b/i.test(mail.headers.get('from'))) return null;
    if (!/^Delivery status notification/i.test(mail.headers.get('subject'))) return null;
    if (!OPENER.test(mail.text.slice(0, 4000))) return null;
    let aborted = false;
    const addresses: string[] = [];
    const details: string[] = [];
    for (const line of noticeLines(mail.text)) {
      const item = /^\s+\* (\S+)$/.exec(line);
      if (/^Del[ei]very to the following recipients was aborted/i.test(line)) aborted = true;
      if (item && isBareAddress(item[1] ?? '')) addresses.push((item[1] ?? '').toLowerCase());
      else if (/^(?:SMTP:|Routing: )/.test(line)) details.push(line.trim());
    }
    const recipients = addresses.map((address) =>
      toRecipient(address, detailOf(address, details, addresses)),
    );
    if (aborted) for (const r of recipients) r.reason = 'expired';
    return recipients.length > 0 ? { recipients } : null;
  },
};

/** The detail line naming the address, or the only one when a single recipient failed. */
function detailOf(address: string, details: readonly string[], addresses: readonly string[]): string {
  return (
    details.find((line) => addressesIn(line).includes(address)) ??
    (addresses.length === 1 && details.length === 1 ? (details[0] ?? '') : '')
  );
}

function toRecipient(address: string, detail: string): ParsedRecipient {
  const smtp = SMTP_DETAIL.exec(detail);
  if (!smtp) return recipientOf(address, squeeze(detail));
  return recipientOf(address, smtp[3] ?? '', {
    command: normalizeCommand(smtp[1] ?? ''),
    remoteMta: smtp[2] ?? '',
  });
}
