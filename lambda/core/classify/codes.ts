// The codes side of the reason rules: which reason a status or reply code names, the status reported
// when a bounce gives none, and the hard-bounce verdict. The facts live in each rule file.
import type { ParsedRecipient } from '../mta/parser.ts';
import { findStatus } from '../smtp/codes.ts';
import { MATCH_LIMIT } from '../text.ts';
import type { Reason } from '../types.ts';
import { RULES } from './order.ts';

const specific = new Map<string, Reason>();
const generic = new Map<string, Reason>();
const byReply = new Map<string, Reason>();
for (const rule of Object.values(RULES)) {
  for (const status of rule.statuses ?? []) specific.set(status, rule.reason);
  for (const status of rule.genericStatuses ?? []) generic.set(status, rule.reason);
  for (const code of rule.replyCodes ?? []) byReply.set(code, rule.reason);
}

/** What a status code says of the reason: the one it names, or the one a generic code leans to. */
export interface StatusMeaning {
  names?: Reason;
  leansTo?: Reason;
}

/** The meaning of an enhanced status code; a class-specific entry ("5.2.1") before "2.1". */
export function meaningOfStatus(status: string): StatusMeaning {
  const m = /^([245])\.(\d{1,3}\.\d{1,3})$/.exec(status);
  if (!m) return {};
  const detail = m[2] as string;
  const names = specific.get(status) ?? (generic.has(status) ? undefined : specific.get(detail));
  if (names) return { names };
  const leansTo = generic.get(status) ?? generic.get(detail);
  return leansTo ? { leansTo } : {};
}

/** The reason an SMTP reply code hints at when nothing more specific is known. */
export function reasonOfReplyCode(code: string): Reason | undefined {
  return byReply.get(code);
}

/** The status reported when the bounce gives none, after Sisimai's convention (5.0.911, 4.0.947, ...). */
export function derivedStatus(reason: Reason, recipient: ParsedRecipient): string {
  const detail = RULES[reason].derivedDetail;
  if (detail === undefined) return '';
  if (reason === 'delivered') return '2.0.0';
  return `${temporary(recipient) ? '4' : '5'}.0.${detail}`;
}

/**
 * Temporary when the server's reply says so: a 4xx reply code or status in its words, or the words
 * "temporary"/"persistent" (after Sisimai 5's smtp/failure), or Exim's retry texts (retry.c: the
 * address kept failing temporarily until its retry time ran out). An Action of "delayed" alone does
 * not make the failure temporary: the report may be the last of a series.
 */
function temporary(recipient: ParsedRecipient): boolean {
  const reply = recipient.replyCode ?? '';
  if (reply) return reply.startsWith('4');
  const words = ` ${(recipient.diagnosticCode ?? '').slice(0, MATCH_LIMIT).toLowerCase()}`;
  const status = findStatus(words);
  if (status) return status.startsWith('4');
  // Exim's "retry timeout exceeded"; GMX's own "delivery retry timeout exceeded" is another MTA's.
  return / temporar| persistent|(?<!delivery )retry timeout exceeded|been failing for a long time|retry time not reached/.test(
    words,
  );
}

/**
 * True when the address itself is bad for good. `code` is the status or reply code: a domain that
 * accepts no mail is bad for good when the refusal is permanent (5xx, or no code at all).
 */
export function hardBounceOf(reason: Reason, code: string): boolean {
  const hard = RULES[reason].hardBounce;
  if (hard === 'when-permanent') return code === '' || code.startsWith('5');
  return hard === 'always';
}
