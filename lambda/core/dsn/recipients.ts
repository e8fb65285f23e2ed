// Recipients from RFC 3464 delivery-status parts: the common ground of most format parsers.

import type { MailView } from '../mail/read-mail.ts';
import type { ParsedRecipient } from '../mta/parser.ts';
import { findSmtpReplyCode, findStatus } from '../smtp/codes.ts';
import { findCommand } from '../smtp/commands.ts';
import { parseDeliveryStatus } from './fields.ts';
import { repairDeliveryStatus } from './repair.ts';

/** One recipient per delivery-status recipient block, in order. */
export function recipientsFromDsn(mail: MailView): ParsedRecipient[] {
  const parts = mail.deliveryStatus.length > 0 ? mail.deliveryStatus : inlineDeliveryStatus(mail.text);
  const recipients: ParsedRecipient[] = [];
  for (const part of parts) {
    const report = parseDeliveryStatus(repairDeliveryStatus(part));
    const reportingMta = hostOf(report.reportingMta);
    for (const fields of report.recipients) {
      const address = recipientAddress(fields.finalRecipient, fields.originalRecipient);
      if (!address) continue;
      const diagnostic = fields.diagnosticCode;
      const status = betterStatus(findStatus(fields.status), diagnostic);
      recipients.push({
        address,
        action: fields.action,
        status,
        replyCode: findSmtpReplyCode(diagnostic, status),
        diagnosticCode: diagnostic,
        diagnosticType: fields.diagnosticType,
        remoteMta: hostOf(fields.remoteMta),
        ...(reportingMta ? { reportingMta } : {}),
        command: findCommand(diagnostic),
        ...(fields.lastAttemptDate ? { lastAttemptAt: fields.lastAttemptDate } : {}),
      });
    }
  }
  return recipients;
}

/**
 * The final recipient, unless it is not a mail address that the sender would know (a source route
 * "@relay:user@host", a pipe or a bare local part) and the original recipient is one.
 */
export function recipientAddress(finalRecipient: string, originalRecipient: string): string {
  const final = fromXtext(finalRecipient).toLowerCase();
  const original = fromXtext(originalRecipient).toLowerCase();
  if (isPlainAddress(final) || !isPlainAddress(original)) return final || original;
  return original;
}

// RFC 3461 xtext writes a "+" or "=" in an address as "+2B", "+3D"; RFC 6533 writes a non-ASCII
// character of a "utf-8" address as "\x{3042}".
function fromXtext(address: string): string {
  return address
    .replace(/\+(2B|3D)/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\\x\{([0-9A-Fa-f]{2,6})\}/g, (whole, hex: string) => {
      const code = Number.parseInt(hex, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
}

function isPlainAddress(address: string): boolean {
  return /^[^\s@:|/]+@[\p{L}\p{N}][\p{L}\p{N}.-]*$/iu.test(address);
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

/** "mx.example.jp. (192.0.2.1, the server ...)" → "mx.example.jp". */
function hostOf(value: string): string {
  return (value.split(/\s/)[0] ?? '').replace(/\.$/, '');
}
