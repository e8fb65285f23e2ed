// MailMarshal SMTP (Trustwave Secure Email Gateway): 'Undeliverable Mail: "<subject>"' with
//   Your message:
//      From:    sender@example.com
//      Subject: ...
//   Could not be delivered because of
//   550 5.1.1 User unknown
//   The following recipients were affected:
//       user@example.net
//   Additional Information
//   Remote-MTA:         <192.0.2.2>
// and the returned message after a line of "+" (or attached).
import type { MailView } from '../../mail/read-mail.ts';
import { squeeze } from '../../text.ts';
import { isBareAddress, noticeLines, recipientOf } from '../notice.ts';
import { looksLikeHeaders } from '../original.ts';
import type { BounceParser, ParsedBounce } from '../parser.ts';

const SUBJECT = /^Undeliverable Mail: "/;
const ERROR_START = /^Could not be delivered because of\s*$/;
const RECIPIENTS_START = /^The following recipients were affected:/;
const ADDITIONAL = /^Additional Information\s*$/;
const SEPARATOR = /^[ \t]*\+{3,}[ \t]*$/m;

interface Notice {
  addresses: string[];
  words: string[];
  remoteMta: string;
  sent: string[];
}

export const mailmarshal: BounceParser = {
  id: 'mailmarshal',
  parse(mail: MailView): ParsedBounce | null {
    if (!SUBJECT.test(mail.headers.get('subject'))) return null;
    if (!/^Your message:/m.test(mail.text.slice(0, 8192))) return null;
    const separator = SEPARATOR.exec(mail.text);
    const noticeText = separator ? mail.text.slice(0, separator.index) : mail.text;
    const notice = readNotice(noticeText);
    const words = squeeze(notice.words.join(' '));
    const recipients = notice.addresses.map((address) =>
      recipientOf(address, words, { remoteMta: notice.remoteMta }),
    );
    if (recipients.length === 0) return null;
    const quoted = separator
      ? mail.text.slice(separator.index + separator[0].length).replace(/^\s*\n/, '')
      : '';
    const original = looksLikeHeaders(quoted) ? quoted : headersOfYourMessage(notice);
    return { recipients, ...(original ? { quotedOriginal: original } : {}) };
  },
};

function readNotice(text: string): Notice {
  const notice: Notice = { addresses: [], words: [], remoteMta: '', sent: [] };
  let section: 'message' | 'error' | 'recipients' | 'additional' | '' = '';
  for (const line of noticeLines(text)) {
    if (/^Your message:/.test(line)) section = 'message';
    else if (ERROR_START.test(line)) section = 'error';
    else if (RECIPIENTS_START.test(line)) section = 'recipients';
    else if (ADDITIONAL.test(line)) section = 'additional';
    else if (section === 'message' && /^\s+(?:From|Subject):/.test(line)) notice.sent.push(line.trim());
    else if (section === 'error' && line.trim()) notice.words.push(line);
    else if (section === 'recipients' && isBareAddress(line))
      notice.addresses.push(line.trim().toLowerCase());
    else if (section === 'additional') {
      notice.remoteMta ||= /^Remote-MTA:\s*<([^<>]+)>/.exec(line)?.[1] ?? '';
    }
  }
  return notice;
}

// The notice names the returned message's sender and subject: enough for a ticket's title.
function headersOfYourMessage(notice: Notice): string {
  const sent = notice.sent.map((line) => line.replace(/^(From|Subject):\s*/, '$1: '));
  if (!sent.some((line) => line.startsWith('Subject: '))) return '';
  return `${sent.join('\n')}\nTo: ${notice.addresses.join(', ')}\n`;
}
