// Gmail's plain-text notices ("Delivery Status Notification (Failure|Delay)" without a DSN part):
// the recipients indented under "Delivery to the following recipient ...", then Gmail's technical
// details, which quote the other server's reply and tag it with Gmail's "(state N)".
import type { MailView } from '../../mail/read-mail.ts';
import { findReplyCode, findStatus, withoutRepeatedReplyCode } from '../../smtp/codes.ts';
import { findCommand } from '../../smtp/commands.ts';
import { firstAddress, MATCH_LIMIT, squeeze } from '../../text.ts';
import { splitQuotedOriginal } from '../original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const SENDER = /<?mailer-daemon@(?:googlemail|gmail)\.com>?/i;
const SUBJECT = /^Delivery Status Notification\b/i;
const GROUP_START =
  /^Delivery to the following recipients? (failed permanently|has been delayed|have been delayed)/i;
const MARKERS = [/^-+ ?(?:Original message|Message header follows) ?-*$/im];
const SERVER_SAID = /\bThe error that the other server returned was:\s*/i;
const DETAILS = /^Technical details of (?:permanent|temporary) failure:\s*/im;

/** Gmail's "(state N)": the stage of the session where the other server answered. */
const STATES: Readonly<Record<string, { command: string; reason?: ParsedRecipient['reason'] }>> = {
  '6': { command: 'MAIL', reason: 'failedstarttls' },
  '8': { command: 'AUTH' },
  '9': { command: 'AUTH', reason: 'failedstarttls' },
  '12': { command: 'AUTH', reason: 'norelaying' },
  '14': { command: 'RCPT' },
  '15': { command: 'DATA' },
  '17': { command: 'DATA' },
  '18': { command: 'DATA' },
};

/** Gmail's own explanations when no server answered, and what they mean. */
const GMAIL_WORDS: ReadonlyArray<[RegExp, NonNullable<ParsedRecipient['reason']>, string]> = [
  [/\bDNS Error: (?:Domain name not found|DNS server returned answer with no data)/i, 'hostunknown', ''],
  [/\bDNS Error: Could not contact DNS servers/i, 'expired', ''],
  [/\bThe recipient server did not accept our requests to connect/i, 'expired', 'CONN'],
];

interface Group {
  action: string;
  addresses: string[];
  lines: string[];
}

export const gmail: BounceParser = {
  id: 'gmail',
  parse(mail: MailView): ParsedBounce | null {
    if (!SENDER.test(mail.headers.get('from')) || !SUBJECT.test(mail.headers.get('subject'))) return null;
    if (mail.deliveryStatus.some((part) => /^Final-Recipient:/im.test(part))) return null;
    const { notice, original } = splitQuotedOriginal(mail.text, MARKERS);
    const recipients = readGroups(notice).flatMap(toRecipients);
    if (recipients.length === 0) return null;
    return { recipients, ...(original ? { quotedOriginal: original } : {}) };
  },
};

function readGroups(notice: string): Group[] {
  const groups: Group[] = [];
  let group: Group | undefined;
  for (const line of notice.split('\n')) {
    const start = GROUP_START.exec(line);
    if (start) {
      group = {
        action: /permanently/i.test(start[1] ?? '') ? 'failed' : 'delayed',
        addresses: [],
        lines: [],
      };
      groups.push(group);
      continue;
    }
    if (!group) continue;
    const address = /^\s+([^\s@]+@[^\s@]+)\s*$/.exec(line)?.[1];
    if (address && group.lines.length === 0) group.addresses.push(firstAddress(address));
    else if (line.trim()) group.lines.push(line.trim());
  }
  return groups;
}

function toRecipients(group: Group): ParsedRecipient[] {
  const details = group.lines.join('\n').slice(0, MATCH_LIMIT);
  const detailsAt = DETAILS.exec(details);
  const explanation = squeeze(detailsAt ? details.slice(detailsAt.index + detailsAt[0].length) : details);
  const saidAt = SERVER_SAID.exec(explanation);
  const state = /\(state (\d{1,2})\)\.?\s*$/.exec(explanation)?.[1] ?? '';
  const said = saidAt
    ? withoutRepeatedReplyCode(
        explanation.slice(saidAt.index + saidAt[0].length).replace(/\s*\(state \d{1,2}\)\.?\s*$/, ''),
      )
    : '';
  const words = said || explanation;
  const known = GMAIL_WORDS.find(([pattern]) => pattern.test(explanation));
  const stage = STATES[state];
  const reason = stage?.reason ?? known?.[1];
  const command = stage?.command || known?.[2] || findCommand(words);
  return group.addresses.map((address) => ({
    address,
    action: group.action,
    status: findStatus(said),
    replyCode: findReplyCode(said),
    diagnosticCode: words,
    remoteMta: remoteHost(explanation),
    command,
    ...(reason ? { reason } : {}),
  }));
}

/** "... by mx.example.jp. [192.0.2.1]." or "[(0) mx.example.jp. [192.0.2.1]:25: socket error]". */
function remoteHost(explanation: string): string {
  const host =
    /\bby ([A-Za-z0-9][\w.-]{0,253})\.? \[[\d.:a-f]{3,45}\]/i.exec(explanation)?.[1] ??
    /\[\(\d+\) ([A-Za-z0-9][\w.-]{0,253})\.? \[/.exec(explanation)?.[1] ??
    '';
  return host.replace(/\.$/, '').toLowerCase();
}
