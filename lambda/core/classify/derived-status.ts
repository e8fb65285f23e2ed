// The status code reported when the bounce gives none, after Sisimai's convention (5.0.911, 4.0.947, ...).
import type { ParsedRecipient } from '../mta/parser.ts';
import type { Reason } from '../types.ts';
import { DERIVED_DETAIL } from './status-codes.ts';

/** Reasons that carry no status at all: they are not delivery failures. */
const WITHOUT_STATUS = new Set<Reason>(['feedback', 'vacation']);

export function derivedStatus(reason: Reason, recipient: ParsedRecipient): string {
  if (WITHOUT_STATUS.has(reason)) return '';
  if (reason === 'delivered') return '2.0.0';
  const detail = DERIVED_DETAIL[reason] ?? '0';
  return `${temporary(recipient) ? '4' : '5'}.0.${detail}`;
}

function temporary(recipient: ParsedRecipient): boolean {
  const reply = recipient.replyCode ?? '';
  if (reply) return reply.startsWith('4');
  return recipient.action === 'delayed';
}
