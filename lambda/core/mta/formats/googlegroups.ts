// Google Groups: a post to a group that refused it. The notice (in the poster's language) says the
// group may not exist or the poster may not post to it; the group's address is in X-Failed-Recipients.
import type { MailView } from '../../mail/read-mail.ts';
import { addressesIn, MATCH_LIMIT, squeeze } from '../../text.ts';
import { splitQuotedOriginal } from '../original.ts';
import type { BounceParser, ParsedBounce } from '../parser.ts';

const SENDER = /<?mailer-daemon@(?:googlemail|gmail)\.com>?/i;
const SUBJECT = /^Delivery Status Notification\b/i;
/** The help-centre link closes the notice in every language. */
const GROUPS_NOTICE = /https?:\/\/groups\.google\.com\/support\b/;
const MARKERS = [/^-+ ?Original message ?-*$/im];
/** The notice lists the possible causes as "* ..." bullet lines. */
const BULLET = /^ ?\* ?\S/;

export const googlegroups: BounceParser = {
  id: 'googlegroups',
  parse(mail: MailView): ParsedBounce | null {
    const failed = mail.headers.get('x-failed-recipients');
    if (!failed || !SENDER.test(mail.headers.get('from'))) return null;
    if (!SUBJECT.test(mail.headers.get('subject'))) return null;
    const { notice, original } = splitQuotedOriginal(mail.text, MARKERS);
    if (!GROUPS_NOTICE.test(notice.slice(0, MATCH_LIMIT))) return null;
    const lines = notice.slice(0, MATCH_LIMIT).split('\n');
    // The poster may not post to the group, or it is gone: either way the group refused the sender.
    const bullets = lines.filter((line) => BULLET.test(line));
    const refused = bullets.length > 0;
    // The greeting names the poster; the explanation is the first long line, the causes follow.
    const explanation = lines.find((line) => line.trim().length > 60) ?? '';
    const words = squeeze([explanation, ...bullets].join(' ')).slice(0, 1000);
    const recipients = addressesIn(failed).map((address) => ({
      address,
      action: 'failed',
      diagnosticCode: words,
      ...(refused ? { reason: 'rejected' as const } : {}),
    }));
    if (recipients.length === 0) return null;
    return { recipients, ...(original ? { quotedOriginal: original } : {}) };
  },
};
