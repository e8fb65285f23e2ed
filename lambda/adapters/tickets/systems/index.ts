// The ticket systems, one file each, by the kind TICKET_API_KIND names (the contract's registry of kinds,
// lambda/contracts/ticket-systems.ts): a kind without its system here is a compiler error.
import type { TICKET_SYSTEMS as KINDS, TicketSystemKind } from '../../../contracts/ticket-systems.ts';
import type { HttpTicketSystem, MailTicketSystem } from '../ticket-system.ts';
import { generic } from './generic.ts';
import { mail } from './mail.ts';
import { zendesk } from './zendesk.ts';

type SystemOf<K extends TicketSystemKind> = (typeof KINDS)[K]['delivery'] extends 'http'
  ? HttpTicketSystem
  : MailTicketSystem;

export const TICKET_SYSTEMS: { readonly [K in TicketSystemKind]: SystemOf<K> } = {
  generic,
  zendesk,
  mail,
};
