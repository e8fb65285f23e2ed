// Mail.ru / my.com: an Exim notice (in Russian, then in English) from Mail.ru's servers.
import type { MailView } from '../../mail/read-mail.ts';
import type { BounceParser, ParsedBounce } from '../parser.ts';
import { readEximNotice } from './exim.ts';

const SENDER = /\bmailer-daemon@[\w.-]{0,80}\b(?:mail\.ru|my\.com)\b/i;
const MESSAGE_ID = /[.@](?:mail\.ru|smailru\.net|my\.com)>\s*$/i;
const SUBJECTS =
  /Mail failure|Mail delivery failed|Delivery Status Notification|Message frozen|Warning: message /i;

export const mailru: BounceParser = {
  id: 'mailru',
  parse(mail: MailView): ParsedBounce | null {
    const signs =
      Number(SENDER.test(mail.headers.get('from'))) +
      Number(MESSAGE_ID.test(mail.headers.get('message-id'))) +
      Number(SUBJECTS.test(mail.headers.get('subject')));
    return signs >= 2 ? readEximNotice(mail) : null;
  },
};
