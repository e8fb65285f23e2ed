// Feedback-loop complaints: RFC 5965 ARF reports, Microsoft's JMRP, Apple Mail's unsubscribe notes.
import { MailHeaders, splitHeaderBlock } from '../../mail/headers.ts';
import type { MailView } from '../../mail/read-mail.ts';
import { addressesIn, firstAddress } from '../../text.ts';
import { attachedOriginalHeaders } from '../original.ts';
import type { BounceParser, ParsedBounce } from '../parser.ts';

export const arf: BounceParser = {
  id: 'arf',
  parse(mail: MailView): ParsedBounce | null {
    if (mail.reportType === 'feedback-report' || mail.feedbackReport.length > 0) return fromReport(mail);
    if (isMicrosoftComplaint(mail)) return fromOriginal(mail, 'abuse', 'x-hmxmroriginalrecipient');
    if (mail.headers.get('x-apple-unsubscribe').toLowerCase() === 'true') return fromSender(mail, 'opt-out');
    return null;
  },
};

function fromReport(mail: MailView): ParsedBounce {
  const report = MailHeaders.parse(mail.feedbackReport.join('\n') || reportFieldsInText(mail.text));
  const feedbackType = report.get('feedback-type').toLowerCase() || 'abuse';
  const addresses = [...report.all('original-rcpt-to'), ...report.all('removal-recipient')]
    .map(firstAddress)
    .filter(Boolean);
  if (addresses.length === 0) return fromOriginal(mail, feedbackType, 'to');
  return { kind: 'feedback', recipients: addresses.map((address) => recipient(address, feedbackType)) };
}

// A report whose original names no recipient (redacted, "undisclosed") is still one complaint: it is
// kept with an empty address rather than dropped.
function fromOriginal(mail: MailView, feedbackType: string, header: string): ParsedBounce {
  const original = attachedOriginalHeaders(mail);
  const address = firstAddress(original.get(header)) || firstAddress(original.get('to'));
  return { kind: 'feedback', recipients: [recipient(address, feedbackType)] };
}

function fromSender(mail: MailView, feedbackType: string): ParsedBounce {
  const address = firstAddress(mail.headers.get('from'));
  return { kind: 'feedback', recipients: address ? [recipient(address, feedbackType)] : [] };
}

/** Complaint forwards without an ARF part: Microsoft's JMRP, and Amazon SES's complaint relay. */
const COMPLAINT_SENDERS = /@(?:hotmail\.com|outlook\.com|email-abuse\.amazonses\.com)$/;

function isMicrosoftComplaint(mail: MailView): boolean {
  return (
    /^complaint about message from /i.test(mail.headers.get('subject')) &&
    addressesIn(mail.headers.get('from')).some((a) => COMPLAINT_SENDERS.test(a))
  );
}

function reportFieldsInText(text: string): string {
  const at = text.search(/^Feedback-Type:/im);
  return at === -1 ? '' : splitHeaderBlock(text.slice(at)).head;
}

function recipient(address: string, feedbackType: string) {
  return { address, action: '', reason: 'feedback' as const, feedbackType };
}
