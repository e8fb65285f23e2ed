// Exchange Server 5.5-2003 ("Internet Mail Service") text NDRs: "Your message ... did not reach the
// following recipient(s):", each recipient "addr on <date>" with the reason and an MSEXCH code below.
import type { MailView } from '../../mail/read-mail.ts';
import { MATCH_LIMIT, squeeze } from '../../text.ts';
import type { Reason } from '../../types.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const MAILERS = /^(?:Internet Mail Service \(|Microsoft Exchange Server Internet Mail Connector)/i;
const START = /^[ \t]*did not reach the following recipient\(s\):[ \t]*$/im;
/** "kijitora@example.jp on Thu, 29 Apr 2010 00:00:00 -0000", or "Name (SMTP=addr) on 4/29/99 9:19 AM". */
const RECIPIENT = /^[ \t]*(?:[^\n]{0,120}?SMTP=)?([^\s@()]+@[^\s@()]+?)\)? on (.{6,60})$/i;
/** "MSEXCH:IMS:ORG:SITE:SERVER 0 (000C05A6) Unknown Recipient": the code in parentheses. */
const MSEXCH = /MSEXCH:[^\n]{0,160}?\(([0-9A-F]{8})\)[ \t]*([^\n]{0,160})/i;

/** Exchange's MSEXCH error codes and what they mean. */
const ERROR_CODES: Readonly<Record<string, Reason>> = {
  '000C05A6': 'userunknown', // Unknown Recipient
  '000C0595': 'filtered', // Ambiguous Recipient
  '00010256': 'systemerror', // Too many recipients
  '000D06B5': 'systemerror', // No proxy for recipient
  '00120270': 'networkerror', // Too many hops
  '00050311': 'contenterror', // Conversion to Internet format failed
  '000502CC': 'contenterror', // Conversion to Internet format failed
  '000B0981': 'securityerror', // Server does not support AUTH
};

export const exchange2003: BounceParser = {
  id: 'exchange2003',
  parse(mail: MailView): ParsedBounce | null {
    if (!byExchange2003(mail)) return null;
    // The returned message comes attached (message/rfc822), never quoted in the text.
    const bounded = mail.text.slice(0, MATCH_LIMIT);
    const start = START.exec(bounded);
    if (!start) return null;
    const recipients: ParsedRecipient[] = [];
    let lines: string[] = [];
    let head: RegExpExecArray | null = null;
    const flush = () => {
      if (head) recipients.push(toRecipient(head[1] ?? '', head[2] ?? '', lines));
      lines = [];
    };
    for (const line of bounded.slice(start.index + start[0].length).split('\n')) {
      const next = RECIPIENT.exec(line);
      if (next) {
        flush();
        head = next;
      } else if (head && line.trim()) {
        lines.push(line.trim());
      }
    }
    flush();
    if (recipients.length === 0) return null;
    return { recipients };
  },
};

function byExchange2003(mail: MailView): boolean {
  if (mail.headers.has('x-ms-embedded-report')) return true;
  if (MAILERS.test(mail.headers.get('x-mailer'))) return true;
  if (/^Produced By Microsoft Exchange\b/i.test(mail.headers.get('x-mimeole'))) return true;
  return mail.headers.all('received').some((value) => / with Internet Mail Service \(/i.test(value));
}

function toRecipient(address: string, date: string, lines: readonly string[]): ParsedRecipient {
  const joined = squeeze(lines.join(' '));
  const msexch = MSEXCH.exec(joined);
  const code = msexch?.[1]?.toUpperCase() ?? '';
  // The sentence before the MTS-ID and MSEXCH lines is Exchange's explanation, the code's label follows.
  const explanation = squeeze(joined.split(/\bThe MTS-ID of the original message is:|MSEXCH:/i)[0] ?? '');
  const label = squeeze(msexch?.[2] ?? '');
  const reason = ERROR_CODES[code];
  return {
    address: address.toLowerCase(),
    action: 'failed',
    diagnosticCode: squeeze([explanation, label].filter(Boolean).join(': ')) || joined,
    lastAttemptAt: date.trim(),
    ...(reason ? { reason } : {}),
  };
}
