// Recipients from RFC 3464 delivery-status parts: the common ground of most format parsers.
import { parseDeliveryStatus } from '../mail/delivery-status.ts';
import type { MailView } from '../mail/read-mail.ts';
import { findCommand, findReplyCode, findStatus } from '../text.ts';
import type { ParsedRecipient } from './parser.ts';

/** One recipient per delivery-status recipient block, in order. */
export function recipientsFromDsn(mail: MailView): ParsedRecipient[] {
  const parts = mail.deliveryStatus.length > 0 ? mail.deliveryStatus : inlineDeliveryStatus(mail.text);
  const recipients: ParsedRecipient[] = [];
  for (const part of parts) {
    for (const fields of parseDeliveryStatus(part).recipients) {
      const address = (fields.finalRecipient || fields.originalRecipient).toLowerCase();
      if (!address) continue;
      const diagnostic = fields.diagnosticCode;
      recipients.push({
        address,
        action: fields.action,
        status: betterStatus(findStatus(fields.status), diagnostic),
        replyCode: findReplyCode(diagnostic),
        diagnosticCode: diagnostic,
        diagnosticType: fields.diagnosticType,
        remoteMta: fields.remoteMta,
        command: findCommand(diagnostic),
        ...(fields.lastAttemptDate ? { lastAttemptAt: fields.lastAttemptDate } : {}),
      });
    }
  }
  return recipients;
}

/**
 * A generic status field (X.0.0, or none) yields to a specific code of the same class in the
 * server's own words: "Status: 5.0.0" with "550 5.1.1 user unknown" is 5.1.1.
 */
export function betterStatus(status: string, diagnostic: string): string {
  if (status && !status.endsWith('.0.0')) return status;
  const inText = findStatus(diagnostic);
  if (inText && (!status || inText[0] === status[0])) return inText;
  return status;
}

// Some MTAs send the delivery-status fields as plain text instead of a message/delivery-status part.
function inlineDeliveryStatus(text: string): string[] {
  const start = text.search(/^(?:Original|Final)-Recipient:/im);
  if (start === -1) return [];
  const reportingMta = text.search(/^Reporting-MTA:/im);
  const from = reportingMta !== -1 && reportingMta < start ? reportingMta : start;
  return [text.slice(from)];
}
