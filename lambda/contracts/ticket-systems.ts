// The ticket systems a deployment may choose (TICKET_API_KIND, cdk.json ticketApi.kind) and how each is
// reached: over HTTP with a token from Secrets Manager, or as a mail through SES. The CDK app accepts
// these kinds and grants what their delivery needs; the bounce handler's implementations are a Record
// over them (lambda/adapters/tickets/systems/index.ts), so the compiler names a kind without one.

export type TicketDelivery = 'http' | 'mail';

export const TICKET_SYSTEMS = {
  generic: { delivery: 'http', what: "bounce-doctor's JSON" },
  zendesk: { delivery: 'http', what: 'Zendesk Tickets API' },
  mail: { delivery: 'mail', what: 'a mail via SES' },
} as const satisfies Readonly<Record<string, { delivery: TicketDelivery; what: string }>>;

export type TicketSystemKind = keyof typeof TICKET_SYSTEMS;
export type HttpTicketSystemKind = {
  [K in TicketSystemKind]: (typeof TICKET_SYSTEMS)[K]['delivery'] extends 'http' ? K : never;
}[TicketSystemKind];
export type MailTicketSystemKind = Exclude<TicketSystemKind, HttpTicketSystemKind>;

export const TICKET_SYSTEM_KINDS = Object.keys(TICKET_SYSTEMS) as TicketSystemKind[];

export function isHttpTicketSystem(kind: TicketSystemKind): kind is HttpTicketSystemKind {
  return TICKET_SYSTEMS[kind].delivery === 'http';
}
