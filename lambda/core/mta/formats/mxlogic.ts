// MX Logic (McAfee SaaS email protection), an Exim derivative: "Mail delivery failed" with
// X-MX-Bounce / X-MXL-NoteHash headers and an Exim-like notice,
//   The following address failed:
//     <address>: 550 5.1.1 <address>: Recipient address rejected: User unknown
// (or the address alone, then "SMTP error from remote mail server after RCPT TO:<...>: host h [ip]:
// reply"), then "Included is a copy of the message header:" and the original's headers.
import type { MailView } from '../../mail/read-mail.ts';
import { normalizeCommand } from '../../smtp/commands.ts';
import { squeeze } from '../../text.ts';
import { headerMatches, isBareAddress, noticeLines, recipientOf } from '../notice.ts';
import { looksLikeHeaders } from '../original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const MARKER = /^Included is a copy of the message header:\s*\n(?:-{5,}\s*\n)?/m;
const ANGLED = /^ {2}<([^<>\s@]+@[^<>\s]+)>:? ?(.*)$/;
const AFTER =
  /SMTP error from remote (?:mail server|mailer) after (?:end of )?(RCPT TO|MAIL FROM|DATA|data|HELO|EHLO|STARTTLS|AUTH)\b[^:]*(?::<[^<>]*>)?:\s*/i;

export const mxlogic: BounceParser = {
  id: 'mxlogic',
  parse(mail: MailView): ParsedBounce | null {
    const fromMxl =
      mail.headers.has('x-mx-bounce') ||
      mail.headers.has('x-mxl-notehash') ||
      mail.headers.has('x-mxl-hash') ||
      /^<mxl~/.test(mail.headers.get('message-id')) ||
      headerMatches(mail, ['received'], /\(mxl_mta-/);
    if (!fromMxl) return null;
    const cut = MARKER.exec(mail.text);
    const notice = cut ? mail.text.slice(0, cut.index) : mail.text;
    const recipients = readNotice(notice);
    if (recipients.length === 0) return null;
    const original = cut ? mail.text.slice(cut.index + cut[0].length) : '';
    return { recipients, ...(looksLikeHeaders(original) ? { quotedOriginal: original } : {}) };
  },
};

function readNotice(notice: string): ParsedRecipient[] {
  const blocks: Array<[string, string[]]> = [];
  let open = false;
  for (const line of noticeLines(notice)) {
    const angled = ANGLED.exec(line);
    const bare = /^ {2}(\S+)$/.exec(line);
    if (angled) {
      blocks.push([(angled[1] ?? '').toLowerCase(), angled[2] ? [angled[2]] : []]);
      open = true;
    } else if (bare && isBareAddress(bare[1] ?? '')) {
      blocks.push([(bare[1] ?? '').toLowerCase(), []]);
      open = true;
    } else if (!line.trim()) {
      open = false;
    } else if (open) {
      blocks.at(-1)?.[1].push(line.trim());
    }
  }
  return blocks.map(([address, lines]) => toRecipient(address, squeeze(lines.join(' '))));
}

function toRecipient(address: string, text: string): ParsedRecipient {
  const after = AFTER.exec(text);
  if (!after) return recipientOf(address, text);
  const rest = text.slice(after.index + after[0].length);
  const host = /^host (\S+) \[[^\]]*\]:\s*/.exec(rest);
  const command = /end of/i.test(after[0]) ? 'DATA' : normalizeCommand(after[1] ?? '');
  return recipientOf(address, host ? rest.slice(host[0].length) : rest, {
    command,
    remoteMta: host?.[1] ?? '',
  });
}
