// The `mail` ticket system: one mail per bounce to the helpdesk's inbound address, replying to the
// returned original (core/ticketing/ticket-mail.ts), so that a helpdesk threading by In-Reply-To /
// References puts it into the conversation whose reply bounced. Sent through SES as the ticket sender
// (mail-transport.ts): no token, the Lambda's role may send only as TICKET_MAIL_FROM to TICKET_MAIL_TO.
import { buildNoticeMail, buildTicketMail } from '../../../core/ticketing/ticket-mail.ts';
import type { MailTicketSystem } from '../ticket-system.ts';

export const mail: MailTicketSystem = {
  delivery: 'mail',
  payload: buildTicketMail,
  noticePayload: buildNoticeMail,
  posted: (sentId) => ({ id: sentId }),
};
