// Outlook.com / Hotmail: "Delivery Status Notification (Failure|Delay)", a DSN whose recipients may
// carry no Diagnostic-Code; the notice's sentence then says what happened.

import { recipientsFromDsn } from '../../dsn/recipients.ts';
import type { MailView } from '../../mail/read-mail.ts';
import { MATCH_LIMIT, squeeze } from '../../text.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const SUBJECT = /^Delivery Status Notification\b/i;
const HOTMAIL = /\bpostmaster@[\w.-]{0,80}\b(?:hotmail|outlook|live|msn)\./i;
const NOTICE = /^This is an automatically generated Delivery Status Notification\.?\s*$/m;
/** The notice's sentence before the indented recipient list. */
const SENTENCE =
  /^((?:Delivery to the following recipients|Unable to deliver message to the following recipients)[^\n]{0,300})$/m;

/** Outlook.com's own wordings, and what they mean. */
const OUTLOOK_WORDS: ReadonlyArray<[RegExp, NonNullable<ParsedRecipient['reason']>, string]> = [
  [/\bdue to being unable to connect successfully to the destination mail server\b/i, 'expired', 'CONN'],
  [/\bbecause the domain is not reachable\b/i, 'hostunknown', ''],
  // Hotmail's own servers answer this for an address that does not exist.
  [/^5\d\d requested action not taken: mailbox unavailable\b/i, 'userunknown', ''],
];

export const outlook: BounceParser = {
  id: 'outlook',
  parse(mail: MailView): ParsedBounce | null {
    if (!SUBJECT.test(mail.headers.get('subject')) || !fromOutlookCom(mail)) return null;
    const text = mail.text.slice(0, MATCH_LIMIT);
    if (!NOTICE.test(text)) return null;
    const recipients = recipientsFromDsn(mail);
    if (recipients.length === 0) return null;
    const sentence = squeeze(SENTENCE.exec(text)?.[1] ?? '');
    for (const r of recipients) {
      if (!r.diagnosticCode && sentence) r.diagnosticCode = sentence;
      const known = OUTLOOK_WORDS.find(([pattern]) => pattern.test(r.diagnosticCode ?? ''));
      if (!known) continue;
      r.reason = known[1];
      r.command ||= known[2];
    }
    return { recipients };
  },
};

function fromOutlookCom(mail: MailView): boolean {
  if (mail.headers.has('x-message-delivery') || mail.headers.has('x-message-info')) return true;
  const from = mail.headers.get('from');
  return HOTMAIL.test(from);
}
