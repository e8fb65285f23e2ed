// Exchange Server 2007 and later, on premises: "Undeliverable: ..." NDRs in the sender's language,
// with the administrators' section ("#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##").
import type { MailView } from '../../mail/read-mail.ts';
import { MATCH_LIMIT } from '../../text.ts';
import { NDR_SUBJECT, parseMicrosoftNdr, readAdminSection } from '../microsoft-ndr.ts';
import type { BounceParser, ParsedBounce } from '../parser.ts';

const SENT_BY = /^Sent by Microsoft Exchange Server 20\d\d\b/m;
/** Exchange's NDR codes, in the notice or the DSN, in any language. */
const NDR_CODE = /\b(?:RESOLVER\.(?:ADR|RST)|QUEUE|SMTPSEND\.DNS)\.[A-Za-z]{4,30}\b/;

export const exchange2007: BounceParser = {
  id: 'exchange2007',
  parse(mail: MailView): ParsedBounce | null {
    const headerVotes =
      Number(NDR_SUBJECT.test(mail.headers.get('subject'))) +
      Number(mail.headers.has('content-language')) +
      Number(mail.headers.has('x-ms-exchange-message-is-ndr'));
    if (headerVotes === 0) return null;
    const text = mail.text.slice(0, MATCH_LIMIT);
    const marked =
      SENT_BY.test(text) || NDR_CODE.test(text) || mail.deliveryStatus.some((part) => NDR_CODE.test(part));
    if (!marked && !readAdminSection(text)) return null;
    return parseMicrosoftNdr(mail);
  },
};
