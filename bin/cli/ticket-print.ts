// How the local run prints a ticket the local receiver got, a ticket mail it wrote, and a mail that got none.

import type { GenericTicketPayload } from '../../lambda/adapters/tickets/systems/generic.ts';
import type { BounceOutcome } from '../../lambda/core/handling/outcome.ts';
import type { TicketMail } from '../../lambda/core/ticketing/ticket-mail.ts';
import type { MessageKind } from '../../lambda/core/types.ts';

const MAX_WORDS = 160;

const KIND_WORDS: Readonly<Record<MessageKind, string>> = {
  bounce: 'a bounce',
  delay: 'a delay notice',
  'auto-reply': 'an automatic reply',
  feedback: 'a complaint',
  delivered: 'a delivery notice',
  'not-bounce': 'no bounce',
};

export function ticketBlock(file: string, ticketId: string, ticket: GenericTicketPayload): string {
  const recipients = ticket.recipients.flatMap((r) => {
    const codes = [r.status, r.replyCode].filter(Boolean).join(' ');
    const words =
      r.diagnosticCode.length > MAX_WORDS ? `${r.diagnosticCode.slice(0, MAX_WORDS)}…` : r.diagnosticCode;
    return [
      `    - ${r.address}: ${r.reason}${codes ? ` ${codes}` : ''}`,
      ...(words ? [`      server said: ${words}`] : []),
    ];
  });
  return [
    `${file} → ticket ${ticketId}`,
    `  title:      ${ticket.title}`,
    `  category:   ${ticket.category} (reason ${ticket.reason}; ${ticket.kind})`,
    '  recipients:',
    ...recipients,
    `  remedy ja:  ${ticket.remedy.ja}`,
    `  remedy en:  ${ticket.remedy.en}`,
    `  original:   ${ticket.links.original ?? '(not returned by the bounce)'}`,
    `  raw bounce: ${ticket.links.rawBounce}`,
  ].join('\n');
}

/** A ticket mail: where it was written, and how a helpdesk would thread it. */
export function mailBlock(file: string, path: string, mail: TicketMail): string {
  return [
    `${file} → ticket mail ${path}`,
    `  to:          ${mail.to}`,
    `  subject:     ${mail.subject}`,
    `  in-reply-to: ${mail.inReplyTo ?? '(none: a new conversation, the bounce returned no Message-ID)'}`,
    ...(mail.references.length > 0 ? [`  references:  ${mail.references.join(' ')}`] : []),
  ].join('\n');
}

export function noTicketLine(file: string, outcome: BounceOutcome): string {
  switch (outcome.action) {
    case 'quarantined':
      return `${file} → no ticket: quarantined (SES ${outcome.verdict} verdict FAIL)`;
    case 'skipped':
      return `${file} → no ticket: the mail is ${KIND_WORDS[outcome.kind]}; recorded and counted only (TICKET_KINDS)`;
    case 'untrusted':
      return `${file} → no ticket: not tied to a message we sent (${outcome.problems.join(', ')}); stored and counted (TICKET_UNTRUSTED)`;
    case 'own-mail':
      return `${file} → no ticket: our own ticket mail came back (${outcome.evidence}); recorded and counted only`;
    case 'over-budget':
      return `${file} → no ticket: the hour's ticket budget (${outcome.budget}) is used up; stored and counted (TICKET_BUDGET_PER_HOUR)`;
    case 'ticketed':
      return `${file} → ticket ${outcome.ticketId}`;
  }
}
