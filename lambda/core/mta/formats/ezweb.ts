// au by KDDI, EZweb (ezweb.ne.jp, au.com) as the sending side: "Mail System Error - Returned Mail"
// from Postmaster@ezweb.ne.jp, a Japanese notice with an English sentence naming the situation
// ("The user(s) account is disabled."), then the recipients, either Postfix-like
//   <address>: 550 user unknown (in reply to RCPT TO command)
// or as a transcript
//   Recipient: <address>
//   >>> RCPT TO:<address>
//   <<< 550 <address>: User unknown

import { recipientsFromDsn } from '../../dsn/recipients.ts';
import type { MailView } from '../../mail/read-mail.ts';
import { findReplyCode, findStatus } from '../../smtp/codes.ts';
import { findCommand } from '../../smtp/commands.ts';
import { squeeze } from '../../text.ts';
import { headerMatches, noticeLines, reasonOfWording, recipientOf, type WordingTable } from '../notice.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

/** EZweb's own English sentences, each naming the reason for every recipient listed after it. */
const EZWEB_WORDINGS: WordingTable = [
  ['mailboxfull', ['The user(s) account is temporarily over quota']],
  ['suspend', ['The user(s) account is disabled', 'The user(s) account is temporarily limited']],
  ['expired', ['Your message was not delivered within ']],
];

export const ezweb: BounceParser = {
  id: 'ezweb',
  parse(mail: MailView): ParsedBounce | null {
    if (signsOfEzweb(mail) < 2) return null;
    const found = readNotice(mail.text);
    const recipients = recipientsFromDsn(mail);
    if (recipients.length === 0) recipients.push(...found.values());
    const verdict = reasonOfWording(mail.text.slice(0, 4000), EZWEB_WORDINGS);
    const explanation = ezwebSentence(mail.text);
    // X-SPASIGN: NG marks a mail that EZweb's spam filter refused for the recipient.
    const filtered = /^NG\b/i.test(mail.headers.get('x-spasign'));
    for (const r of recipients) {
      const seen = found.get(r.address);
      if (seen && !r.diagnosticCode) {
        r.diagnosticCode = seen.diagnosticCode ?? '';
        r.replyCode ||= seen.replyCode ?? '';
        r.command ||= seen.command ?? '';
        if (!r.status || r.status.endsWith('.0.0')) r.status = seen.status || r.status;
      }
      if (!r.diagnosticCode) r.diagnosticCode = explanation;
      const reason = filtered ? 'filtered' : verdict;
      if (reason) r.reason = reason;
    }
    return recipients.length > 0 ? { recipients } : null;
  },
};

/** The English sentence EZweb writes under its Japanese notice ("The user(s) account is disabled."). */
function ezwebSentence(text: string): string {
  const line = noticeLines(text.slice(0, 4000)).find((l) => reasonOfWording(l, EZWEB_WORDINGS));
  return squeeze(line ?? '');
}

function signsOfEzweb(mail: MailView): number {
  const h = mail.headers;
  return [
    /\bPostmaster@(?:ezweb\.ne\.jp|au\.com)\b/i.test(h.get('from')),
    h.get('subject') === 'Mail System Error - Returned Mail',
    headerMatches(mail, ['received'], /ezweb\.ne\.jp \(EZweb Mail\) with|\.au\.com \(/),
    /\.(?:ezweb\.ne\.jp|au\.com)>$/i.test(h.get('message-id')),
  ].filter(Boolean).length;
}

function readNotice(text: string): Map<string, ParsedRecipient> {
  const found = new Map<string, ParsedRecipient>();
  let current: { address: string; lines: string[] } | undefined;
  const flush = () => {
    if (current && !found.has(current.address))
      found.set(current.address, toRecipient(current.address, current.lines));
  };
  for (const line of noticeLines(text)) {
    const head =
      /^<([^<>\s@]+@[^<>\s]+)>:?\s*(.*)$/.exec(line) ??
      /^\s+Recipient: <([^<>\s@]+@[^<>\s]+)>\s*()$/.exec(line);
    if (head) {
      flush();
      current = { address: (head[1] ?? '').toLowerCase(), lines: head[2] ? [head[2]] : [] };
    } else if (current && /^\s+(?:>>>|<<<) /.test(line)) {
      current.lines.push(line.trim());
    }
  }
  flush();
  return found;
}

function toRecipient(address: string, lines: readonly string[]): ParsedRecipient {
  const sent = lines.find((line) => line.startsWith('>>>')) ?? '';
  const replies = lines.filter((line) => !line.startsWith('>>>')).map((line) => line.replace(/^<<< ?/, ''));
  const words = squeeze(replies.join(' ').replace(/\s*\(in reply to [^)]*\)\s*$/i, ''));
  const r = recipientOf(address, words, { command: findCommand(sent) || findCommand(replies.join(' ')) });
  r.status = findStatus(words);
  r.replyCode = findReplyCode(words);
  return r;
}
