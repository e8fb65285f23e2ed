// The `zendesk` ticket system: Zendesk's Tickets API (POST /api/v2/tickets.json), the ticket as an
// internal note in HTML in which the mail's words are escaped text and only our viewer links are links,
// so the requester is never mailed a forger's words. Authorization: an OAuth token (Bearer) or an API
// token with its agent's address (Basic `<email>/token:<token>`).
import { ticketBodyHtml } from '../../../core/ticketing/ticket-text.ts';
import { escapeHtml } from '../../../core/ticketing/untrusted-text.ts';
import { tokenAuthorization } from '../credentials.ts';
import { idText, record, text } from '../json-answer.ts';
import type { HttpTicketSystem } from '../ticket-system.ts';

export interface ZendeskTicketPayload {
  ticket: {
    subject: string;
    /** An internal note (`public: false`): the requester is never mailed a forger's words. */
    comment: { html_body: string; public: false };
    tags: string[];
    external_id: string;
  };
}

export const zendesk: HttpTicketSystem = {
  delivery: 'http',
  payload: (draft): ZendeskTicketPayload =>
    zendeskTicket(draft.title, ticketBodyHtml(draft), draft.tags, draft.sesMessageId),
  noticePayload: (notice): ZendeskTicketPayload => {
    const html = notice.body
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join('\n');
    return zendeskTicket(notice.title, html, notice.tags, notice.externalId);
  },
  posted: (answer) => {
    const ticket = record(record(answer.json).ticket);
    const url = text(ticket.url);
    return { id: idText(ticket.id) ?? '', ...(url ? { url } : {}) };
  },
  authorization: tokenAuthorization,
};

function zendeskTicket(subject: string, html: string, tags: readonly string[], externalId: string) {
  return {
    ticket: {
      subject,
      comment: { html_body: html, public: false as const },
      tags: tags.map(zendeskTag),
      external_id: externalId,
    },
  };
}

/** Zendesk tags are lower case without spaces. */
function zendeskTag(tag: string): string {
  return tag.toLowerCase().replace(/[^a-z0-9_-]+/g, '_');
}
