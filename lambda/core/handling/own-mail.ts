// Our own ticket mail coming back (the `mail` ticket system): the helpdesk's acknowledgement, an agent's
// reply, a bounce of it. Never a ticket: that ticket's mail could come back again, a loop.

import { type MailHeaders, mailHead } from '../mail/headers.ts';
import { messageIdsIn } from '../mail/message-ids.ts';
import { isTicketMessageId, TICKET_MAIL_HEADER } from '../ticketing/ticket-mail.ts';
import type { BounceReport } from '../types.ts';

const HEAD_BYTES = 256 * 1024;

/**
 * - `addressed-to-ticket-sender`: SES received it for the address our ticket mail comes from, which
 *   nothing but an answer to that mail writes to (an acknowledgement, a reply, SES's bounce notice).
 * - `returns-ticket-mail`: the mail it returns, or answers (In-Reply-To / References), is a ticket mail.
 */
export type OwnMailEvidence = 'addressed-to-ticket-sender' | 'returns-ticket-mail';

export interface OwnMailInput {
  report: BounceReport;
  /** The mail as received. */
  rawBounce: Uint8Array;
  /** The envelope recipients; absent in replays. */
  envelopeRecipients?: readonly string[];
  /** The ticket mail's sender, when the `mail` ticket system is configured. */
  ticketSender?: string;
}

export function ownMailEvidence(input: OwnMailInput): OwnMailEvidence | undefined {
  const sender = input.ticketSender?.toLowerCase();
  if (sender && input.envelopeRecipients?.some((r) => r.trim().toLowerCase() === sender)) {
    return 'addressed-to-ticket-sender';
  }
  if (input.report.original && carriesTicketMark(input.report.original.raw)) return 'returns-ticket-mail';
  if (answersTicketMail(input.rawBounce)) return 'returns-ticket-mail';
  return undefined;
}

function carriesTicketMark(raw: Uint8Array): boolean {
  const headers = headersOf(raw);
  return (
    headers.has(TICKET_MAIL_HEADER.toLowerCase()) ||
    messageIdsIn(headers.get('message-id')).some(isTicketMessageId)
  );
}

/** SES replaces our Message-ID on the way out, so this holds only where it did not (local runs, SMTP). */
function answersTicketMail(raw: Uint8Array): boolean {
  const headers = headersOf(raw);
  return messageIdsIn([...headers.all('in-reply-to'), ...headers.all('references')].join(' ')).some(
    isTicketMessageId,
  );
}

function headersOf(raw: Uint8Array): MailHeaders {
  return mailHead(raw, HEAD_BYTES);
}
