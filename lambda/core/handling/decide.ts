// What the handler does with a mail: quarantine it (SES says spam or virus), ticket it, or only record
// it (a kind that gets no ticket: auto-replies, delivery notices, mail that is no bounce, by default).

import { quarantineVerdict, type SesVerdicts } from '../ses/verdicts.ts';
import type { MessageKind } from '../types.ts';

export type BounceDecision =
  | { action: 'quarantine'; verdict: 'spam' | 'virus' }
  | { action: 'skip'; kind: MessageKind }
  | { action: 'ticket'; kind: MessageKind };

/** Before decoding: a spam or virus FAIL quarantines the mail whatever it holds. */
export function quarantineDecision(
  verdicts: SesVerdicts,
): Extract<BounceDecision, { action: 'quarantine' }> | undefined {
  const verdict = quarantineVerdict(verdicts);
  return verdict ? { action: 'quarantine', verdict } : undefined;
}

/** After decoding: a ticket for the configured kinds only. */
export function kindDecision(kind: MessageKind, ticketKinds: readonly MessageKind[]): BounceDecision {
  return ticketKinds.includes(kind) ? { action: 'ticket', kind } : { action: 'skip', kind };
}
