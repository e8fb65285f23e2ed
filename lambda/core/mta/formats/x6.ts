// X6, an unidentified MTA (Sisimai's name): "There was an error sending your mail" with
//   We had trouble delivering your message. Full details follow:
//   Subject: '...'  Date: '...'
//   N error(s):
//   SMTP Server <host> rejected recipient <address> (Error following RCPT command). It responded as
//   follows: [550 5.1.1 User unknown]
//   The following recipients returned permanent errors: <address>. Reason: SMTP Server <host>
//   refused to accept your message (DATA), with the following error message: [554 5.4.6 ...]
// and the original headers as a text attachment.
import type { MailView } from '../../mail/read-mail.ts';
import { normalizeCommand } from '../../smtp/commands.ts';
import { squeeze } from '../../text.ts';
import { noticeLines, recipientOf } from '../notice.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const OPENER = /^We had trouble delivering your message\. Full details follow:/m;
const REJECTED = /^SMTP Server <([^<>]*)> rejected recipient <([^<>\s@]+@[^<>\s]+)>/;
const RETURNED =
  /^The following recipients returned (?:permanent|temporary) errors: ([^\s<>@]+@[^\s<>]+?)\.?(?: |$)/;

export const x6: BounceParser = {
  id: 'x6',
  parse(mail: MailView): ParsedBounce | null {
    if (!/^There was an error sending your mail/i.test(mail.headers.get('subject'))) return null;
    if (!OPENER.test(mail.text.slice(0, 4000))) return null;
    const recipients: ParsedRecipient[] = [];
    for (const paragraph of paragraphsOf(mail.text)) {
      const rejected = REJECTED.exec(paragraph);
      const returned = RETURNED.exec(paragraph);
      const address = rejected?.[2] ?? returned?.[1];
      if (address) recipients.push(toRecipient(address, paragraph, rejected?.[1]));
    }
    return recipients.length > 0 ? { recipients } : null;
  },
};

/** Paragraphs of the notice, each unfolded into one line. */
function paragraphsOf(text: string): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of [...noticeLines(text), '']) {
    if (line.trim()) current.push(line.trim());
    else if (current.length > 0) {
      paragraphs.push(squeeze(current.join(' ')));
      current = [];
    }
  }
  return paragraphs;
}

function toRecipient(address: string, paragraph: string, rejectedBy: string | undefined): ParsedRecipient {
  const host = rejectedBy ?? /SMTP Server <([^<>]*)>/.exec(paragraph)?.[1] ?? '';
  const command =
    /Error following (\w+(?: TO| FROM)?) command/i.exec(paragraph)?.[1] ??
    /refused to accept your message \((\w+)\)/i.exec(paragraph)?.[1] ??
    '';
  // The server's own words are the last bracketed text.
  const said = /\[([^[\]]*)\]\s*$/.exec(paragraph)?.[1] ?? paragraph;
  return recipientOf(address, said, { remoteMta: host, command: command ? normalizeCommand(command) : '' });
}
