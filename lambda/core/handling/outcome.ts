// What the bounce handler did with one mail: the Lambda's result, kept in the idempotency record and
// logged. Small and JSON: no mail content.
import type { Category } from '../diagnosis/categories.ts';
import type { QuarantineVerdict } from '../ses/verdicts.ts';
import type { TrustProblem } from '../trust/trust.ts';
import type { MessageKind, Reason } from '../types.ts';
import type { OwnMailEvidence } from './own-mail.ts';

export type BounceOutcome =
  | { sesMessageId: string; action: 'quarantined'; verdict: QuarantineVerdict }
  | {
      sesMessageId: string;
      action: 'skipped';
      kind: MessageKind;
      category: Category;
      reason: Reason;
    }
  | {
      sesMessageId: string;
      action: 'ticketed';
      kind: MessageKind;
      category: Category;
      reason: Reason;
      ticketId: string;
      originalStored: boolean;
      /** Present when the bounce could not be tied to a message we sent (TICKET_UNTRUSTED=true). */
      untrusted?: true;
    }
  | {
      sesMessageId: string;
      /** Not tied to a message we sent: stored and counted, no ticket (TICKET_UNTRUSTED=false). */
      action: 'untrusted';
      kind: MessageKind;
      category: Category;
      reason: Reason;
      originalStored: boolean;
      problems: TrustProblem[];
    }
  | {
      sesMessageId: string;
      /** Our own ticket mail coming back (acknowledged, answered or bounced): recorded, never ticketed. */
      action: 'own-mail';
      kind: MessageKind;
      category: Category;
      reason: Reason;
      evidence: OwnMailEvidence;
    }
  | {
      sesMessageId: string;
      /** The hour's ticket budget was used up: stored and counted, not ticketed, not marked handled. */
      action: 'over-budget';
      kind: MessageKind;
      category: Category;
      reason: Reason;
      originalStored: boolean;
      /** The budget of the hour (TICKET_BUDGET_PER_HOUR). */
      budget: number;
    };
