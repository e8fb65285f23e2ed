// Microsoft 365 / Exchange Online NDRs ("Undeliverable: ..."): a DSN (not always) and a notice whose
// "Diagnostic information for administrators" names the server and its reply per recipient.
import type { MailView } from '../../mail/read-mail.ts';
import { NDR_SUBJECT, parseMicrosoftNdr } from '../microsoft-ndr.ts';
import type { BounceParser, ParsedBounce } from '../parser.ts';

const CLOUD_HOST = /\.(?:prod|protection)\.outlook\.com>?\s*$|\.prod\.exchangelabs\.com>?\s*$/i;
const CLOUD_SENDER = /\bpostmaster@(?:outlook\.com|[\w.-]{1,120}\.onmicrosoft\.com)\b/i;
const CLOUD_HEADERS = [
  'x-ms-exchange-crosstenant-originalarrivaltime',
  'x-ms-exchange-crosstenant-fromentityheader',
  'x-ms-exchange-transport-crosstenantheadersstamped',
];

export const office365: BounceParser = {
  id: 'office365',
  parse(mail: MailView): ParsedBounce | null {
    const cloud =
      CLOUD_HOST.test(mail.headers.get('message-id')) ||
      CLOUD_SENDER.test(mail.headers.get('from')) ||
      CLOUD_HEADERS.some((name) => mail.headers.has(name));
    if (!cloud) return null;
    const ndr =
      NDR_SUBJECT.test(mail.headers.get('subject')) || mail.headers.has('x-ms-exchange-message-is-ndr');
    return ndr ? parseMicrosoftNdr(mail) : null;
  },
};
