// Barracuda Spam & Virus Firewall: "**Message you sent blocked by our bulk email filter**" with a
// short notice ("Your message to: <address> was blocked by our Spam Firewall") and a DSN.

import { recipientsFromDsn } from '../../dsn/recipients.ts';
import type { MailView } from '../../mail/read-mail.ts';
import { headerMatches, recipientOf } from '../notice.ts';
import type { BounceParser, ParsedBounce } from '../parser.ts';

const NOTICE =
  /^Your message to: ?([^\s<>@]+@[^\s<>]+)\s*\n\s*was blocked by our Spam(?: &| and)? (?:Virus )?Firewall/m;

export const barracuda: BounceParser = {
  id: 'barracuda',
  parse(mail: MailView): ParsedBounce | null {
    const fromBarracuda =
      /our bulk email filter/i.test(mail.headers.get('subject')) ||
      headerMatches(mail, ['received'], /\(Spam Firewall\)/) ||
      NOTICE.test(mail.text.slice(0, 4000));
    if (!fromBarracuda) return null;
    const recipients = recipientsFromDsn(mail);
    if (recipients.length === 0) {
      const blocked = NOTICE.exec(mail.text.slice(0, 4000));
      if (blocked) recipients.push(recipientOf(blocked[1] ?? '', blocked[0]));
    }
    return recipients.length > 0 ? { recipients } : null;
  },
};
