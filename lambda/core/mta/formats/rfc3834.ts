// Automatic replies (RFC 3834: out of office, vacation): the mail arrived, the person is away.
import type { MailView } from '../../mail/read-mail.ts';
import { firstAddress } from '../../text.ts';
import type { BounceParser, ParsedBounce } from '../parser.ts';

const AUTO_REPLY_SUBJECT =
  /^\s*(?:auto(?:matic)?[ -]?(?:reply|response|respons)|autoreply|auto:|out of (?:the )?office|on vacation|away from|abwesenheit|r[ée]ponse automatique|自動応答|自動返信|不在)/i;
const SENDER_OF_BOUNCES = /^(?:mailer-daemon|postmaster|mail-daemon|mdaemon|double-bounce|root)@/i;
/** System notices that carry auto-reply headers but are no one's reply. */
const NOT_A_REPLY = /^\s*(?:security information for|mail failure -)/i;

export const rfc3834: BounceParser = {
  id: 'rfc3834',
  parse(mail: MailView): ParsedBounce | null {
    if (!isAutoReply(mail)) return null;
    const address = firstAddress(mail.headers.get('from'));
    if (!address || SENDER_OF_BOUNCES.test(address)) return null;
    return { kind: 'auto-reply', recipients: [{ address, action: '', reason: 'vacation' }] };
  },
};

function isAutoReply(mail: MailView): boolean {
  const h = mail.headers;
  if (mail.deliveryStatus.length > 0 || mail.reportType || NOT_A_REPLY.test(h.get('subject'))) return false;
  if (h.get('x-apple-action').toLowerCase() === 'vacation') return true;
  const autoSubmitted = h.get('auto-submitted').toLowerCase();
  if (autoSubmitted.startsWith('auto-replied')) return true;
  if (h.has('x-autoreply') || h.has('x-autorespond') || h.has('x-autoresponder')) return true;
  if (/auto[_-]reply/i.test(h.get('precedence'))) return true;
  return AUTO_REPLY_SUBJECT.test(h.get('subject'));
}
