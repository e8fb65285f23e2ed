// Exchange Server 2007 and later, on premises: "Undeliverable: ..." NDRs in the sender's language,
// with the administrators' section ("#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##").
import type { MailView } from '../mail/read-mail.ts';
import { MATCH_LIMIT } from '../text.ts';
import { NDR_SUBJECT, parseMicrosoftNdr, readAdminSection } from './microsoft-ndr.ts';
import type { BounceParser, ParsedBounce } from './parser.ts';

const SENT_BY = /^Sent by Microsoft Exchange Server 20\d\d\b/m;

export const exchange2007: BounceParser = {
  id: 'exchange2007',
  parse(mail: MailView): ParsedBounce | null {
    const headerVotes =
      Number(NDR_SUBJECT.test(mail.headers.get('subject'))) +
      Number(mail.headers.has('content-language')) +
      Number(mail.headers.has('x-ms-exchange-message-is-ndr'));
    if (headerVotes === 0) return null;
    const text = mail.text.slice(0, MATCH_LIMIT);
    if (!SENT_BY.test(text) && !readAdminSection(text)) return null;
    return parseMicrosoftNdr(mail);
  },
};
