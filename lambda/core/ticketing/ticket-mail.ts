// The mail one bounce becomes in the `mail` ticket system: a reply to the returned original, sent to the
// helpdesk's inbound address, so that a helpdesk threading by In-Reply-To / References puts it into the
// conversation whose reply bounced. Pure: the adapter composes the MIME and sends it.
import type { TicketMailSettings } from '../../contracts/bounce.ts';
import { DEFAULT_SUBJECT_MARKER } from '../../contracts/bounce-variables.ts';
import { firstMessageId } from '../mail/message-ids.ts';
import { type TicketDraft, UNTRUSTED_MARK } from './ticket.ts';
import type { TicketNotice } from './ticket-notice.ts';
import { ticketBodyHtml, ticketBodyText } from './ticket-text.ts';
import { escapeHtml, plainLine } from './untrusted-text.ts';

export interface TicketMail {
  from: string;
  to: string;
  subject: string;
  /** Derived from the bounce's SES message id: a retried send carries the same one. */
  messageId: string;
  /** The returned original's Message-ID, when there is one: the mail answers it. */
  inReplyTo?: string;
  /** The original's References, then its Message-ID; empty for a new conversation. */
  references: string[];
  /** Further header fields, by name. */
  headers: Readonly<Record<string, string>>;
  text: string;
  html: string;
}

/** Names the bounce a ticket mail is about; a mail that returns with it is our own (own-mail.ts). */
export const TICKET_MAIL_HEADER = 'X-Bounce-Doctor-Ticket';
const MESSAGE_ID_PREFIX = 'bounce-doctor.';
/** RFC 5322 lets a long References drop ids from the middle; helpdesks look for any they sent. */
const MAX_REFERENCES = 20;
const MAX_SUBJECT_CHARS = 500;

export function buildTicketMail(draft: TicketDraft, settings: TicketMailSettings): TicketMail {
  const inReplyTo = firstMessageId(draft.original?.messageId);
  return {
    from: settings.from,
    to: settings.to,
    subject: inReplyTo ? replySubject(draft, settings.subjectMarker ?? DEFAULT_SUBJECT_MARKER) : draft.title,
    messageId: ticketMessageId(draft.sesMessageId, settings.from),
    ...(inReplyTo ? { inReplyTo } : {}),
    references: inReplyTo ? referencesFor(draft.original?.references ?? [], inReplyTo) : [],
    headers: {
      [TICKET_MAIL_HEADER]: draft.sesMessageId,
      ...(settings.autoSubmitted ? { 'Auto-Submitted': 'auto-generated' } : {}),
    },
    // The text part as the HTML part: the mail's words defanged, since helpdesks linkify plain text.
    text: ticketBodyText(draft, { defang: true }),
    html: htmlDocument(draft.title, ticketBodyHtml(draft)),
  };
}

/** A notice about the service itself (the hourly budget's summary): a new conversation, our words only. */
export function buildNoticeMail(notice: TicketNotice, settings: TicketMailSettings): TicketMail {
  return {
    from: settings.from,
    to: settings.to,
    subject: notice.title,
    messageId: ticketMessageId(notice.externalId, settings.from),
    references: [],
    headers: {
      [TICKET_MAIL_HEADER]: notice.externalId,
      ...(settings.autoSubmitted ? { 'Auto-Submitted': 'auto-generated' } : {}),
    },
    text: notice.body,
    html: htmlDocument(
      notice.title,
      notice.body
        .split('\n')
        .map((line) => `<p>${escapeHtml(line)}</p>`)
        .join('\n'),
    ),
  };
}

/** The HTML part: the body fragment in a document that names its charset; inline styles only. */
function htmlDocument(title: string, fragment: string): string {
  return [
    '<!DOCTYPE html>',
    `<html><head><meta charset="utf-8"><title>${escapeHtml(plainLine(title))}</title></head>`,
    '<body style="font-family:sans-serif;font-size:14px;line-height:1.5;color:#1f2328">',
    fragment,
    '</body></html>',
    '',
  ].join('\n');
}

/** `<bounce-doctor.<SES message id>@<sender's domain>>`: one bounce, one id, however often it is sent. */
export function ticketMessageId(sesMessageId: string, from: string): string {
  return `<${MESSAGE_ID_PREFIX}${sesMessageId}@${from.slice(from.lastIndexOf('@') + 1)}>`;
}

/** Whether a message id is one of our ticket mails'. */
export function isTicketMessageId(id: string): boolean {
  return id.startsWith(`<${MESSAGE_ID_PREFIX}`);
}

/** `Re: <original subject> <marker>`, with the untrusted mark when the bounce could not be tied to us. */
function replySubject(draft: TicketDraft, marker: string): string {
  const original = cut(draft.original?.subject || '(no subject)');
  return [
    /^re:/i.test(original) ? original : `Re: ${original}`,
    marker.replaceAll('{category}', draft.category),
    draft.trust.trusted ? '' : UNTRUSTED_MARK,
  ]
    .filter(Boolean)
    .join(' ');
}

function referencesFor(references: readonly string[], messageId: string): string[] {
  const chain = [...references.filter((id) => id !== messageId), messageId];
  if (chain.length <= MAX_REFERENCES) return chain;
  // The first id is the conversation's root, the last ones its latest messages: keep both ends.
  return [...chain.slice(0, 1), ...chain.slice(chain.length - (MAX_REFERENCES - 1))];
}

function cut(text: string): string {
  const chars = [...text];
  return chars.length > MAX_SUBJECT_CHARS ? `${chars.slice(0, MAX_SUBJECT_CHARS - 1).join('')}…` : text;
}
