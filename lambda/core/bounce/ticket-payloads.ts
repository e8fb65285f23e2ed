// The request bodies the ticket API clients send: the generic JSON (documented field by field in
// docs/ticket.md) and Zendesk's Tickets API shape.
import type { TicketDraft } from './ticket-draft.ts';

export const GENERIC_SCHEMA = 'bounce-doctor.ticket/v1';

export interface GenericTicketPayload extends Omit<TicketDraft, 'sesMessageId'> {
  schema: typeof GENERIC_SCHEMA;
  /** The SES message id: the same bounce always has the same one (also the Idempotency-Key header). */
  externalId: string;
}

export interface ZendeskTicketPayload {
  ticket: { subject: string; comment: { body: string }; tags: string[]; external_id: string };
}

export function genericTicketPayload(draft: TicketDraft): GenericTicketPayload {
  const { sesMessageId, ...rest } = draft;
  return { schema: GENERIC_SCHEMA, externalId: sesMessageId, ...rest };
}

export function zendeskTicketPayload(draft: TicketDraft): ZendeskTicketPayload {
  return {
    ticket: {
      subject: draft.title,
      comment: { body: draft.body },
      tags: draft.tags.map(zendeskTag),
      external_id: draft.sesMessageId,
    },
  };
}

/** Zendesk tags are lower case without spaces. */
function zendeskTag(tag: string): string {
  return tag.toLowerCase().replace(/[^a-z0-9_-]+/g, '_');
}
