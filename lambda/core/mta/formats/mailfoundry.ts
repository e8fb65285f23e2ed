// MailFoundry: "Message delivery has failed" relayed through a MAILFOUNDRY host, with
//   Unable to deliver message to: <address>
//   Delivery failed for the following reason:
//   Server host[ip] failed with: 550 <address> No such user here
// and the original as message/rfc822.
import type { MailView } from '../../mail/read-mail.ts';
import { headerMatches, noticeLines, recipientOf } from '../notice.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const RECIPIENT = /^Unable to deliver message to: <([^<>\s@]+@[^<>\s]+)>/;
const SERVER = /^Server ([^\s[]+)\[[^\]]*\] failed with: (.*)$/;

export const mailfoundry: BounceParser = {
  id: 'mailfoundry',
  parse(mail: MailView): ParsedBounce | null {
    if (!headerMatches(mail, ['received'], /\(MAILFOUNDRY\)/)) return null;
    if (!/^Message delivery has failed/i.test(mail.headers.get('subject'))) return null;
    const blocks: Array<[string, string[]]> = [];
    for (const line of noticeLines(mail.text)) {
      const head = RECIPIENT.exec(line);
      if (head) blocks.push([(head[1] ?? '').toLowerCase(), []]);
      else if (line.trim() && !/^Delivery failed for the following reason:/i.test(line))
        blocks.at(-1)?.[1].push(line);
    }
    const recipients = blocks.map(([address, lines]) => toRecipient(address, lines));
    return recipients.length > 0 ? { recipients } : null;
  },
};

function toRecipient(address: string, lines: readonly string[]): ParsedRecipient {
  const server = lines.map((line) => SERVER.exec(line)).find(Boolean);
  if (server) return recipientOf(address, server[2] ?? '', { remoteMta: server[1] ?? '' });
  const words = lines.filter((line) => !/^This has been a permanent failure/i.test(line));
  return recipientOf(address, words.join(' '));
}
