// The hard-bounce verdict: true only when the address itself is bad for good.
import type { Reason } from '../types.ts';

const ADDRESS_IS_BAD = new Set<Reason>(['userunknown', 'hostunknown', 'hasmoved']);

/**
 * `code` is the status or reply code. A domain that accepts no mail (`notaccept`) is bad for good
 * when the refusal is permanent (5xx, or no code at all); every other reason is about the message,
 * the sender or a passing state, so a resend may succeed.
 */
export function hardBounceOf(reason: Reason, code: string): boolean {
  if (ADDRESS_IS_BAD.has(reason)) return true;
  if (reason === 'notaccept') return code === '' || code.startsWith('5');
  return false;
}
