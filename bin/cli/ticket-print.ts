// How the local run prints a ticket the local receiver got, and a mail that got none.

import type { BounceOutcome } from '../../lambda/core/bounce/outcome.ts';
import type { GenericTicketPayload } from '../../lambda/core/bounce/ticket-payloads.ts';
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

export function noTicketLine(file: string, outcome: BounceOutcome): string {
  switch (outcome.action) {
    case 'quarantined':
      return `${file} → no ticket: quarantined (SES ${outcome.verdict} verdict FAIL)`;
    case 'skipped':
      return `${file} → no ticket: the mail is ${KIND_WORDS[outcome.kind]}; recorded and counted only (TICKET_KINDS)`;
    case 'untrusted':
      return `${file} → no ticket: not tied to a message we sent (${outcome.problems.join(', ')}); stored and counted (TICKET_UNTRUSTED)`;
    case 'over-budget':
      return `${file} → no ticket: the hour's ticket budget (${outcome.budget}) is used up; stored and counted (TICKET_BUDGET_PER_HOUR)`;
    case 'ticketed':
      return `${file} → ticket ${outcome.ticketId}`;
  }
}
