// What a ticket system is, to the bounce handler: the body of a ticket about one bounce and of a notice
// about the service itself (the hourly budget's summary), how the new ticket's id is read from the
// answer, and how its credentials become a request's Authorization. One file per system in systems/,
// one registry (systems/index.ts); how requests are sent, timed out and retried is shared (post-json.ts,
// mail-transport.ts).
import type { TicketMailSettings } from '../../contracts/bounce.ts';
import type { TicketDraft } from '../../core/ticketing/ticket.ts';
import type { TicketMail } from '../../core/ticketing/ticket-mail.ts';
import type { TicketNotice } from '../../core/ticketing/ticket-notice.ts';
import type { JsonAnswer } from './post-json.ts';

export interface PostedTicket {
  /** The ticket system's id for the new ticket; "" when the answer names none. */
  id: string;
  url?: string;
}

/** A helpdesk's API, reached with a JSON POST and a token (TICKET_API_URL, TICKET_TOKEN_SECRET_ID). */
export interface HttpTicketSystem {
  readonly delivery: 'http';
  /** The request body of one bounce's ticket. Text from the mail is untrusted: never markup or a link. */
  payload(draft: TicketDraft): unknown;
  /** The request body of a notice (our own words only). */
  noticePayload(notice: TicketNotice): unknown;
  /** The new ticket's id (and URL) in the API's answer. */
  posted(answer: JsonAnswer): PostedTicket;
  /** The Authorization header's value from the token secret's text. */
  authorization(secret: string): string;
}

/** A helpdesk's inbound address, reached with a mail through SES (TICKET_MAIL_TO, TICKET_MAIL_FROM). */
export interface MailTicketSystem {
  readonly delivery: 'mail';
  /** The mail of one bounce's ticket. */
  payload(draft: TicketDraft, settings: TicketMailSettings): TicketMail;
  /** The mail of a notice (our own words only). */
  noticePayload(notice: TicketNotice, settings: TicketMailSettings): TicketMail;
  /** The ticket, as the transport's id for the sent mail (SES's message id, a local file's path). */
  posted(sentId: string): PostedTicket;
}

export type TicketSystem = HttpTicketSystem | MailTicketSystem;
