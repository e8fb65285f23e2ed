// Last resort for plain-text bounces of MTAs no other parser knows: a mail from a mailer daemon or
// postmaster, with a subject that says a delivery failed, whose notice has lines naming an address
// together with words of failure ("User's mailbox is full: <a@example.jp>", "a@example.com ... unknown
// host", "Did not reach the following recipient: a@example.net").
import type { MailView } from '../mail/read-mail.ts';
import { addressesIn, findReplyCode, findStatus, MATCH_LIMIT, squeeze } from '../text.ts';
import { splitQuotedOriginal } from './original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from './parser.ts';

const SENDER = /^(?:mailer-daemon|mail-daemon|postmaster|mdaemon|mailer)@/i;
const SENDER_NAME = /\b(?:mail delivery (?:system|subsystem)|mailer-daemon|postmaster)\b/i;
const SUBJECT =
  /\b(?:undeliver(?:able|ed)|non-?deliver|returned mail|returning|delivery (?:status|failure|failed|notification|problem)|mail (?:delivery )?fail|failure notice|could not be delivered|not delivered)/i;
/** Lines quoting the returned message's headers are not about a recipient. */
const HEADER_LINE =
  /^\s*(?:to|from|cc|bcc|reply-to|return-path|sender|subject|date|message-id|received|delivered-to|x-[\w-]+)\s*:/i;
const FAILURE_WORDS =
  /\b(?:unknown|invalid|no such|not (?:found|exist|reach|delivered|accepted)|did not reach|does not exist|fail(?:ed|ure)?|full|quota|reject(?:ed)?|denied|refused|unable|could not|couldn't|bad|blocked|disabled|expired|error|undeliverable|exceeded|unavailable|too large|timed out)\b/i;
const MAX_LINES = 400;

export const plaintext: BounceParser = {
  id: 'plaintext',
  parse(mail: MailView): ParsedBounce | null {
    if (
      mail.deliveryStatus.length > 0 ||
      !fromMailerDaemon(mail) ||
      !SUBJECT.test(mail.headers.get('subject'))
    ) {
      return null;
    }
    const { notice, original } = splitQuotedOriginal(mail.text, MARKERS);
    const ignore = new Set([
      ...addressesIn(mail.headers.get('to')),
      ...addressesIn(mail.headers.get('from')),
    ]);
    const recipients = failureLines(notice, ignore);
    if (recipients.length === 0) return null;
    return { recipients, ...(original ? { quotedOriginal: original } : {}) };
  },
};

const MARKERS: readonly RegExp[] = [
  /^\|?-+ ?(?:Message text follows|Original message follows|Unsent message follows|Original message)\b/im,
  /^-+ ?(?:Your Message|Returned message|Original Message Headers?)\b/im,
];

function fromMailerDaemon(mail: MailView): boolean {
  const from = mail.headers.get('from');
  return addressesIn(from).some((a) => SENDER.test(a)) || SENDER_NAME.test(from);
}

/** One recipient per address named on a line that also says what failed, in order. */
function failureLines(notice: string, ignore: ReadonlySet<string>): ParsedRecipient[] {
  const found = new Map<string, ParsedRecipient>();
  for (const line of notice.slice(0, MATCH_LIMIT).split('\n').slice(0, MAX_LINES)) {
    if (HEADER_LINE.test(line) || !FAILURE_WORDS.test(line)) continue;
    for (const address of addressesIn(line)) {
      if (ignore.has(address) || found.has(address)) continue;
      const words = squeeze(line);
      found.set(address, {
        address,
        action: 'failed',
        status: findStatus(words),
        replyCode: findReplyCode(words),
        diagnosticCode: words,
      });
    }
  }
  return [...found.values()];
}
