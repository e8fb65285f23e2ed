// The `generic` ticket system: bounce-doctor's own JSON, documented field by field in docs/ticket.md with
// a JSON Schema (docs/ticket.schema.json); its text fields are untrusted plain text. The new ticket's id
// is read from `id`, `ticketId` or `ticket.id`, its URL from `url` or the Location header.
import type { TicketDraft } from '../../../core/ticketing/ticket.ts';
import type { TicketNotice } from '../../../core/ticketing/ticket-notice.ts';
import { tokenAuthorization } from '../credentials.ts';
import { idText, record, text } from '../json-answer.ts';
import type { HttpTicketSystem } from '../ticket-system.ts';

export const GENERIC_SCHEMA = 'bounce-doctor.ticket/v1';
export const GENERIC_NOTICE_SCHEMA = 'bounce-doctor.notice/v1';

export interface GenericTicketPayload extends Omit<TicketDraft, 'sesMessageId'> {
  schema: typeof GENERIC_SCHEMA;
  /** The SES message id: the same bounce always has the same one (also the Idempotency-Key header). */
  externalId: string;
}

/** A notice: `{schema: "bounce-doctor.notice/v1", externalId, title, body, tags}`. */
export interface GenericNoticePayload extends TicketNotice {
  schema: typeof GENERIC_NOTICE_SCHEMA;
}

export function genericTicketPayload(draft: TicketDraft): GenericTicketPayload {
  const { sesMessageId, ...rest } = draft;
  return { schema: GENERIC_SCHEMA, externalId: sesMessageId, ...rest };
}

export const generic: HttpTicketSystem = {
  delivery: 'http',
  payload: genericTicketPayload,
  noticePayload: (notice): GenericNoticePayload => ({ schema: GENERIC_NOTICE_SCHEMA, ...notice }),
  posted: (answer) => {
    const body = record(answer.json);
    const id = idText(body.id) ?? idText(body.ticketId) ?? idText(record(body.ticket).id);
    const url = text(body.url) ?? answer.headers.get('location') ?? undefined;
    return { id: id ?? '', ...(url ? { url } : {}) };
  },
  authorization: tokenAuthorization,
};
