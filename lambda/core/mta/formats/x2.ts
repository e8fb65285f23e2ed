// X2, an unidentified MTA (Sisimai's name), qmail-like: "Delivery failure" / "failed delivery" from
// MAILER-DAEMON,
//   Message from example.com.
//   Unable to deliver message to the following address(es).
//   <address>:
//   <error text, possibly with "[#4.1.9]" or "(#4.4.1)" and qmail's "queue too long" sentence>
//   --- Original message follows.
// A newer variant lists "Delivery failed: <address>" with "Remote host said[Response Message]: ...".
import type { MailView } from '../../mail/read-mail.ts';
import { normalizeCommand } from '../../smtp/commands.ts';
import { squeeze } from '../../text.ts';
import { noticeLines, recipientOf } from '../notice.ts';
import { splitQuotedOriginal } from '../original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const SUBJECT = /^(?:Delivery failure|failure delivery|failed delivery|Permanent Delivery Failure)\b/i;
const OPENER =
  /^Unable to deliver message to the following address|^Your delivery to the following address has been failed/m;
const MARKERS = [/^--- Original message follows\.?/m];
const EXPIRED = /\/?I'm not going to try again; this message has been in the queue too long\.?/i;

export const x2: BounceParser = {
  id: 'x2',
  parse(mail: MailView): ParsedBounce | null {
    const fromDaemon = /^(?:[^<]*<)?(?:MAILER-DAEMON|postmaster)@/i.test(mail.headers.get('from'));
    if (!fromDaemon && !SUBJECT.test(mail.headers.get('subject'))) return null;
    const opener = OPENER.exec(mail.text.slice(0, 4000));
    if (!opener) return null;
    const { notice, original } = splitQuotedOriginal(mail.text.slice(opener.index), MARKERS);
    const recipients = readBlocks(notice);
    if (recipients.length === 0) return null;
    return { recipients, ...(original ? { quotedOriginal: original } : {}) };
  },
};

function readBlocks(notice: string): ParsedRecipient[] {
  const blocks: Array<[string, string[]]> = [];
  for (const line of noticeLines(notice)) {
    const head =
      /^<([^<>\s@]+@[^<>\s]+)>:\s*$/.exec(line) ?? /^Delivery failed: ?([^\s<>@]+@[^\s<>]+)\s*$/.exec(line);
    if (head) blocks.push([(head[1] ?? '').toLowerCase(), []]);
    else if (line.trim() && !/^-{3,}/.test(line)) blocks.at(-1)?.[1].push(line.trim());
  }
  return blocks.map(([address, lines]) => toRecipient(address, lines));
}

function toRecipient(address: string, lines: readonly string[]): ParsedRecipient {
  const joined = squeeze(lines.join(' '));
  const expired = EXPIRED.test(joined);
  const said = /Remote host said(?:\[[^\]]*\])?:\s*(.*?)(?:\s+STEP:.*)?$/i.exec(joined);
  const step = /\bSTEP: ?(\w+)/.exec(joined)?.[1] ?? '';
  const words = said ? (said[1] ?? '') : squeeze(joined.replace(EXPIRED, ''));
  const r = recipientOf(address, words, { command: step ? normalizeCommand(step) : '' });
  if (expired) r.reason = 'expired';
  return r;
}
