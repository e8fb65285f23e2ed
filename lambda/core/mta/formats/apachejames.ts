// Apache James: its bounce mailet writes
//   Error: <summary>
//   Error message below:
//   550 - Requested action not taken: no such user here
//   Message details:
//     Subject: ...   MAIL FROM: ...   RCPT TO: <address>   From: ...
// (Subject "[BOUNCE]", a JavaMail Message-Id, or a "JAMES SMTP Server" Received header).
import type { MailView } from '../../mail/read-mail.ts';
import { squeeze } from '../../text.ts';
import { headerMatches, isBareAddress, noticeLines, recipientOf } from '../notice.ts';
import type { BounceParser, ParsedBounce } from '../parser.ts';

export const apachejames: BounceParser = {
  id: 'apachejames',
  parse(mail: MailView): ParsedBounce | null {
    const fromJames =
      mail.headers.get('subject') === '[BOUNCE]' ||
      /\.JavaMail\./.test(mail.headers.get('message-id')) ||
      headerMatches(mail, ['received'], /JAMES SMTP Server/);
    if (!fromJames) return null;
    const lines = noticeLines(mail.text);
    const details = lines.findIndex((line) => /^Message details:\s*$/.test(line));
    if (details === -1) return null;
    const addresses = lines
      .slice(details + 1)
      .map((line) => /^\s+RCPT TO: (.*)$/.exec(line)?.[1]?.trim() ?? '')
      .flatMap((value) => value.split(/[\s,]+/))
      .filter(isBareAddress);
    const words = errorText(lines.slice(0, details));
    const recipients = addresses.map((address) => recipientOf(address, words));
    return recipients.length > 0 ? { recipients } : null;
  },
};

/** The server's words after "Error message below:", else the "Error:" summary. */
function errorText(lines: readonly string[]): string {
  const below = lines.findIndex((line) => /^Error message below:\s*$/.test(line));
  if (below !== -1) return squeeze(lines.slice(below + 1).join(' '));
  return squeeze(lines.filter((line) => /^Error: /.test(line)).join(' '));
}
