// Yandex.Mail: a Postfix notice (Russian, then Postfix's English) with a DSN that Yandex extends
// with X-Yandex-* fields. Postfix's reading applies unchanged once the mail is known to be Yandex's.
import type { MailView } from '../../mail/read-mail.ts';
import type { BounceParser, ParsedBounce } from '../parser.ts';
import { postfix } from './postfix.ts';

const SENDER = /\bmailer-daemon@yandex\.(?:ru|com|net|ua|by|kz|com\.tr)\b/i;

export const yandex: BounceParser = {
  id: 'yandex',
  parse(mail: MailView): ParsedBounce | null {
    const yandexDsn = mail.deliveryStatus.some((part) => /^X-Yandex-(?:Queue-ID|Sender):/im.test(part));
    if (!yandexDsn && !SENDER.test(mail.headers.get('from'))) return null;
    return postfix.parse(mail);
  },
};
