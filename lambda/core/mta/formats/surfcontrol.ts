// WebSense SurfControl E-mail Filter (X-Mailer: SurfControl E-mail Filter, X-SEF-* headers):
//   Your message could not be sent.
//   A transcript of the attempts to send the message follows.
//   Addressed To: <address>
//   <date of the attempt>
//   Failed to send to identified host,
//   <address>: [192.0.2.5], 550 <address>... No such user
// usually with a delivery-status part as well.

import { recipientsFromDsn } from '../../dsn/recipients.ts';
import type { MailView } from '../../mail/read-mail.ts';
import { isBareAddress, noticeLines, recipientOf } from '../notice.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const ATTEMPT = /^([^\s<>[\]@]+@[^\s<>[\]]+): \[([^\]]*)\], (.*)$/;
const WEEKDAY_DATE = /^(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat),? \d{1,2} \w{3} \d{4} \d\d:\d\d/;

interface Attempt {
  remoteMta: string;
  words: string;
  at: string;
}

export const surfcontrol: BounceParser = {
  id: 'surfcontrol',
  parse(mail: MailView): ParsedBounce | null {
    if (!/^SurfControl E-mail Filter/i.test(mail.headers.get('x-mailer'))) return null;
    const { addressed, attempts } = readNotice(mail.text);
    const recipients = recipientsFromDsn(mail);
    if (recipients.length === 0) {
      for (const address of addressed) {
        const a = attempts.get(address);
        recipients.push(recipientOf(address, a?.words ?? '', { remoteMta: a?.remoteMta ?? '' }));
      }
    }
    for (const r of recipients) enrich(r, attempts.get(r.address));
    return recipients.length > 0 ? { recipients } : null;
  },
};

function readNotice(text: string): { addressed: string[]; attempts: Map<string, Attempt> } {
  const addressed: string[] = [];
  const attempts = new Map<string, Attempt>();
  let at = '';
  for (const line of noticeLines(text)) {
    const to = /^Addressed To: (\S+)$/.exec(line);
    const attempt = ATTEMPT.exec(line);
    if (to && isBareAddress(to[1] ?? '')) addressed.push((to[1] ?? '').toLowerCase());
    else if (WEEKDAY_DATE.test(line)) at = line.trim();
    else if (attempt) {
      const address = (attempt[1] ?? '').toLowerCase();
      attempts.set(address, { remoteMta: attempt[2] ?? '', words: attempt[3] ?? '', at });
    }
  }
  return { addressed, attempts };
}

function enrich(r: ParsedRecipient, attempt: Attempt | undefined): void {
  // SurfControl writes "Action: failed" before "Final-Recipient:", where RFC 3464 readers miss it;
  // its notice only ever reports messages it gave up on ("--- Message non-deliverable.").
  r.action ||= 'failed';
  if (!attempt) return;
  r.remoteMta ||= attempt.remoteMta;
  if (!r.diagnosticCode) r.diagnosticCode = attempt.words;
  if (attempt.at) r.lastAttemptAt ||= attempt.at;
}
