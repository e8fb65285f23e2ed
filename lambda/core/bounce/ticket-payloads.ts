// The request bodies the ticket API clients send: the generic JSON (documented field by field in
// docs/ticket.md; its text fields are untrusted plain text) and Zendesk's Tickets API shape (an
// internal note in HTML in which the mail's words are escaped text and only our viewer links are links).
import type { TicketDraft } from './ticket-draft.ts';
import type { TicketNotice } from './ticket-notice.ts';
import { ticketBodyHtml } from './ticket-text.ts';
import { escapeHtml } from './untrusted-text.ts';

export const GENERIC_SCHEMA = 'bounce-doctor.ticket/v1';
export const GENERIC_NOTICE_SCHEMA = 'bounce-doctor.notice/v1';

export interface GenericTicketPayload extends Omit<TicketDraft, 'sesMessageId'> {
  schema: typeof GENERIC_SCHEMA;
  /** The SES message id: the same bounce always has the same one (also the Idempotency-Key header). */
  externalId: string;
}

export interface ZendeskTicketPayload {
  ticket: {
    subject: string;
    /** An internal note (`public: false`): the requester is never mailed a forger's words. */
    comment: { html_body: string; public: false };
    tags: string[];
    external_id: string;
  };
}

export function genericTicketPayload(draft: TicketDraft): GenericTicketPayload {
  const { sesMessageId, ...rest } = draft;
  return { schema: GENERIC_SCHEMA, externalId: sesMessageId, ...rest };
}

export function zendeskTicketPayload(draft: TicketDraft): ZendeskTicketPayload {
  return {
    ticket: {
      subject: draft.title,
      comment: { html_body: ticketBodyHtml(draft), public: false },
      tags: draft.tags.map(zendeskTag),
      external_id: draft.sesMessageId,
    },
  };
}

/** A notice in the generic format: `{schema: "bounce-doctor.notice/v1", externalId, title, body, tags}`. */
export function genericNoticePayload(notice: TicketNotice) {
  return { schema: GENERIC_NOTICE_SCHEMA, ...notice };
}

export function zendeskNoticePayload(notice: TicketNotice): ZendeskTicketPayload {
  const html = notice.body
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');
  return {
    ticket: {
      subject: notice.title,
      comment: { html_body: html, public: false },
      tags: notice.tags.map(zendeskTag),
      external_id: notice.externalId,
    },
  };
}

/** Zendesk tags are lower case without spaces. */
function zendeskTag(tag: string): string {
  return tag.toLowerCase().replace(/[^a-z0-9_-]+/g, '_');
}
