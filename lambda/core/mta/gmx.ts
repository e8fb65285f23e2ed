// GMX and mail.com: Exim's notice in GMX's layout, from GMX's servers.
import type { MailView } from '../mail/read-mail.ts';
import { readEximNotice } from './exim.ts';
import type { BounceParser, ParsedBounce } from './parser.ts';

const SENDER = /\bmailer-daemon@(?:mail\.)?(?:gmx\.(?:com|net|de|at|ch)|mail\.com)\b/i;

export const gmx: BounceParser = {
  id: 'gmx',
  parse(mail: MailView): ParsedBounce | null {
    if (!mail.headers.has('x-gmx-antispam') && !SENDER.test(mail.headers.get('from'))) return null;
    return readEximNotice(mail);
  },
};
