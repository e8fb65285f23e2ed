// Sieve "reject" and delivery agents that refuse a message after accepting it (Dovecot LDA/LMTP,
// Pigeonhole, Cyrus): RFC 5429 sends the refusal as an MDN (RFC 8098) whose disposition is
// "automatic-action/...; deleted" (or carries the "error" modifier), the reason in the text part and
// the recipient in Final-Recipient. A read receipt ("displayed") or a deletion by a person
// ("manual-action") is no refusal.

import { recipientAddress } from '../../dsn/recipients.ts';
import type { MailView } from '../../mail/read-mail.ts';
import { recipientOf } from '../notice.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const REFUSAL = /^Disposition:[ \t]*automatic-action\/[^;\n]*;[ \t]*(?:deleted|[a-z]+[ \t]*\/[ \t]*error)/im;
/** "Your message to <a@b> was automatically rejected:" (Dovecot's rejection_reason) says nothing more. */
const INTRO = /^Your message to \S+ was automatically rejected:?\s*$/im;

export const rfc5429: BounceParser = {
  id: 'rfc5429',
  parse(mail: MailView): ParsedBounce | null {
    if (mail.dispositionNotification.length === 0) return null;
    const words = mail.text.slice(0, 4000).replace(INTRO, '');
    const recipients: ParsedRecipient[] = [];
    for (const part of mail.dispositionNotification) {
      const fields = part.slice(0, 8000);
      if (!REFUSAL.test(fields)) continue;
      const final = field(fields, 'Final-Recipient');
      const address = recipientAddress(final, field(fields, 'Original-Recipient'));
      if (address.includes('@')) recipients.push(recipientOf(address, words));
    }
    return recipients.length > 0 ? { recipients } : null;
  },
};

/** The address of an "rfc822; a@b" field, or "". */
function field(fields: string, name: string): string {
  const value = new RegExp(`^${name}:[ \\t]*(?:[\\w-]+;)?[ \\t]*(\\S+)`, 'im').exec(fields)?.[1] ?? '';
  return value.replace(/^<|>$/g, '');
}
