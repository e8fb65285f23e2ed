// What the bounce handler does with a mail, decided in one place from what is known of it so far: the
// next step to learn more (read it, decode it, store its original, judge its trust, take a ticket from
// the hour's budget), or what becomes of it (quarantined, our own mail, skipped for its kind, untrusted,
// over the budget, ticketed). The handler does the steps; this decides, in this order:
//   a spam or virus FAIL quarantines the mail unread (SES's verdicts, then those in its headers);
//   our own ticket mail coming back is never ticketed (a loop);
//   a kind that gets no ticket is recorded only (TICKET_KINDS);
//   the returned original is stored before the trust is judged, so an untrusted bounce keeps it;
//   an untrusted bounce is recorded only, unless TICKET_UNTRUSTED;
//   a bounce past the hour's ticket budget is stored and counted, not ticketed.
import { type QuarantineVerdict, quarantineVerdict, type SesVerdicts } from '../ses/verdicts.ts';
import type { TrustProblem, TrustVerdict } from '../trust/trust.ts';
import type { MessageKind } from '../types.ts';
import type { OwnMailEvidence } from './own-mail.ts';

/** What is known of one mail, gathered step by step. */
export interface BounceFacts {
  /** SES's verdicts: the event's, completed from the mail's headers once it is read. */
  verdicts: SesVerdicts;
  /** The raw bounce was read (its verdicts are complete). */
  read?: true;
  decoded?: { kind: MessageKind; ownMail?: OwnMailEvidence };
  /** Whether a returned original was stored (false: the bounce returned none). */
  originalStored?: boolean;
  trust?: TrustVerdict;
  /** Whether the hour's budget gave a ticket. */
  budgetGranted?: boolean;
}

export interface BouncePolicy {
  /** Kinds of mail that get a ticket (TICKET_KINDS). */
  ticketKinds: readonly MessageKind[];
  /** Whether an untrusted bounce still gets a ticket, marked untrusted (TICKET_UNTRUSTED). */
  ticketUntrusted: boolean;
}

/** A step that learns more of the mail: the handler does it, adds its fact, and asks again. */
export type BounceStep =
  | { action: 'read' }
  | { action: 'decode' }
  | { action: 'store-original' }
  | { action: 'judge-trust' }
  | { action: 'take-budget' };

/** What becomes of the mail. */
export type BounceDecision =
  | { action: 'quarantine'; verdict: QuarantineVerdict }
  | { action: 'own-mail'; evidence: OwnMailEvidence }
  | { action: 'skip' }
  | { action: 'untrusted'; problems: TrustProblem[] }
  | { action: 'over-budget' }
  | { action: 'ticket'; untrusted: boolean };

export function decideBounce(facts: BounceFacts, policy: BouncePolicy): BounceStep | BounceDecision {
  const verdict = quarantineVerdict(facts.verdicts);
  if (verdict) return { action: 'quarantine', verdict };
  if (!facts.read) return { action: 'read' };
  if (!facts.decoded) return { action: 'decode' };
  if (facts.decoded.ownMail) return { action: 'own-mail', evidence: facts.decoded.ownMail };
  if (!policy.ticketKinds.includes(facts.decoded.kind)) return { action: 'skip' };
  if (facts.originalStored === undefined) return { action: 'store-original' };
  if (!facts.trust) return { action: 'judge-trust' };
  if (!facts.trust.trusted && !policy.ticketUntrusted) {
    return { action: 'untrusted', problems: facts.trust.problems };
  }
  if (facts.budgetGranted === undefined) return { action: 'take-budget' };
  if (!facts.budgetGranted) return { action: 'over-budget' };
  return { action: 'ticket', untrusted: !facts.trust.trusted };
}

export function isStep(next: BounceStep | BounceDecision): next is BounceStep {
  return STEPS.has(next.action);
}

const STEPS: ReadonlySet<string> = new Set<BounceStep['action']>([
  'read',
  'decode',
  'store-original',
  'judge-trust',
  'take-budget',
]);
