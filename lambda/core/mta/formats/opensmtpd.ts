// OpenSMTPD: "Delivery status notification: error/failed/delayed", a "Hi! This is the MAILER-DAEMON"
// notice with one "address: reason" line per recipient; newer versions add a DSN part.

import { betterStatus, recipientsFromDsn } from '../../dsn/recipients.ts';
import type { MailView } from '../../mail/read-mail.ts';
import { findSmtpReplyCode, findStatus } from '../../smtp/codes.ts';
import { MATCH_LIMIT } from '../../text.ts';
import type { Reason } from '../../types.ts';
import { splitQuotedOriginal } from '../original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const NOTICE = /^[ \t]*This is the MAILER-DAEMON, please DO NOT REPLY to this e-?mail\./m;
const ORIGINAL = [/^[ \t]*Below is a copy of the original message:/m];
/** The notice's opening sentence says what happened to the recipients listed after it. */
const ACTIONS: ReadonlyArray<[RegExp, string]> = [
  [/^[ \t]*A message is delayed for more than /m, 'delayed'],
  [/^[ \t]*Your message was successfully delivered to these recipients/m, 'delivered'],
  [/^[ \t]*Your message was relayed to these recipients/m, 'relayed'],
];
const RECIPIENT_LINE = /^([^\s@:]+@[^\s:]+): (.+)$/;

/** OpenSMTPD's own failure strings (smtpd/mta.c, queue.c), said when no remote server answered. */
const OWN_WORDS: ReadonlyArray<[RegExp, Reason]> = [
  [/^Envelope expired\b/i, 'expired'],
  [/^Could not retrieve credentials\b/i, 'securityerror'],
  [/^(?:Invalid domain name|Domain does not exist)\b/i, 'hostunknown'],
  [/^(?:Destination seem to reject all mails|No MX found for (?:domain|destination))\b/i, 'notaccept'],
  [
    /^(?:Address family mismatch on destination MXs|All routes to destination blocked|bad DNS lookup error code|Could not retrieve source address|Loop detected|Network error on destination MXs|No valid route to (?:remote MX|destination)|Temporary failure in MX lookup)\b/i,
    'networkerror',
  ],
];

export const opensmtpd: BounceParser = {
  id: 'opensmtpd',
  parse(mail: MailView): ParsedBounce | null {
    if (!isOpenSmtpd(mail)) return null;
    const { notice, original } = splitQuotedOriginal(mail.text, ORIGINAL);
    const action = ACTIONS.find(([pattern]) => pattern.test(notice))?.[1] ?? 'failed';
    const dsn = recipientsFromDsn(mail);
    const recipients = recipientLines(notice).map(([address, words]) =>
      fromLine(address, words, action, dsn),
    );
    if (recipients.length === 0) recipients.push(...dsn.map((r) => ({ ...r, commandUnrecorded: true })));
    if (recipients.length === 0) return null;
    return { recipients, ...(original ? { quotedOriginal: original } : {}) };
  },
};

function isOpenSmtpd(mail: MailView): boolean {
  if (!NOTICE.test(mail.text.slice(0, 4096))) return false;
  const h = mail.headers;
  return (
    /^Delivery status notification/i.test(h.get('subject')) ||
    /^Mailer Daemon </i.test(h.get('from')) ||
    h.all('received').some((r) => r.includes('(OpenSMTPD)'))
  );
}

/** "user@example.jp: 550 5.1.1 ..." lines, in order. */
function recipientLines(notice: string): Array<[string, string]> {
  const lines: Array<[string, string]> = [];
  for (const line of notice.slice(0, MATCH_LIMIT).split('\n')) {
    const m = RECIPIENT_LINE.exec(line);
    if (m) lines.push([(m[1] ?? '').toLowerCase(), (m[2] ?? '').trim()]);
  }
  return lines;
}

function fromLine(
  address: string,
  words: string,
  action: string,
  dsn: readonly ParsedRecipient[],
): ParsedRecipient {
  const fields = dsn.find((d) => d.address === address);
  const status = betterStatus(fields?.status || findStatus(words), words);
  const replyCode = findSmtpReplyCode(words, status);
  const failure = action === 'failed' || action === 'delayed';
  const own = replyCode || !failure ? undefined : OWN_WORDS.find(([pattern]) => pattern.test(words))?.[1];
  return {
    address,
    action: fields?.action || action,
    status,
    replyCode,
    diagnosticCode: words,
    command: '',
    commandUnrecorded: true,
    remoteMta: fields?.remoteMta ?? '',
    ...(own ? { reason: own } : {}),
  };
}
