// The bounce handler's work on one mail, with its adapters passed in: the Lambda (handlers/bounce.ts),
// `bounce-doctor replay` and `npm start` all call handleMail(mail). One ticket per bounce: handleMail is
// idempotent on the SES message id (Powertools makeIdempotent over the function), and failures are
// rethrown. What happens to a mail is decided by core/handling/decide-bounce.ts; this does its steps.
// At most TICKET_BUDGET_PER_HOUR tickets an hour: a bounce past it is stored, counted, and left unmarked
// (so a replay in a later hour tickets it), and the hour gets one summary ticket.
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { Context } from 'aws-lambda';
import type { BounceObserver } from '../adapters/bounce-observer.ts';
import type { BounceTrust } from '../adapters/bounce-trust.ts';
import type { LinkSigner } from '../adapters/link-signer.ts';
import type { IncomingMail, OriginalStore } from '../adapters/mail-store/ports.ts';
import type { TicketBudget } from '../adapters/ticket-budget.ts';
import type { TicketClient } from '../adapters/tickets/ticket-client.ts';
import { decodeBounce } from '../core/decode.ts';
import { diagnoseReport } from '../core/diagnosis/diagnose.ts';
import {
  type BounceDecision,
  type BounceFacts,
  type BouncePolicy,
  decideBounce,
  isStep,
} from '../core/handling/decide-bounce.ts';
import type { BounceOutcome } from '../core/handling/outcome.ts';
import { ownMailEvidence } from '../core/handling/own-mail.ts';
import { emlContentDisposition } from '../core/links/content-disposition.ts';
import type { SesMail } from '../core/ses/event.ts';
import { completeVerdicts } from '../core/ses/verdicts.ts';
import { budgetSummaryNotice } from '../core/ticketing/ticket-budget.ts';
import { buildTicketDraft } from '../core/ticketing/ticket-draft.ts';
import type { TrustVerdict } from '../core/trust/trust.ts';
import type { BounceReport } from '../core/types.ts';

export interface BounceDependencies {
  incoming: IncomingMail;
  originals: OriginalStore;
  tickets: TicketClient;
  links: Pick<LinkSigner, 'ticketLinks'>;
  idempotency: BasePersistenceLayer;
  observer: BounceObserver;
  /** Which kinds get a ticket, and whether untrusted bounces do. */
  policy: BouncePolicy;
  /** Forged bounces: without it, every bounce is trusted (not checked). */
  trust?: Pick<BounceTrust, 'judge'>;
  /** The `mail` ticket system's sender: mail SES receives for it answers our own ticket mail. */
  ticketMailSender?: string;
  /** Tickets an hour at most; without it, no limit (local runs). */
  budget?: TicketBudget;
  now?: () => Date;
}

export interface BounceFlow {
  /**
   * Handles one mail once: a repeat of a handled one gets the stored outcome and does nothing. With the
   * Lambda's context (or a local one), a run that dies leaves its record "in progress" only that long.
   */
  handleMail(mail: SesMail, context?: Context): Promise<BounceOutcome>;
}

/** How long a handled bounce stays handled: longer than SES's and Lambda's retries, and a replay week. */
export const IDEMPOTENCY_EXPIRY_SECONDS = 7 * 24 * 3600;
/** The same in the Lambda and the replay command, so a replay never tickets a bounce twice. */
export const IDEMPOTENCY_KEY_PREFIX = 'bounce-doctor.bounce';

export function createBounceFlow(deps: BounceDependencies): BounceFlow {
  const config = new IdempotencyConfig({
    eventKeyJmesPath: 'messageId',
    throwOnNoIdempotencyKey: true,
    expiresAfterSeconds: IDEMPOTENCY_EXPIRY_SECONDS,
    responseHook: (response) => {
      deps.observer.duplicate(response as BounceOutcome);
      return response;
    },
  });
  const handleOnce = makeIdempotent(
    (mail: SesMail, _context?: Context): Promise<BounceOutcome> => handleMail(mail, deps),
    { persistenceStore: deps.idempotency, config, keyPrefix: IDEMPOTENCY_KEY_PREFIX },
  );
  return {
    async handleMail(mail, context) {
      try {
        return await handleOnce(mail, context);
      } catch (error) {
        // Past the budget the run "fails" inside the idempotent function, so no record says it was
        // handled, and succeeds here, so Lambda does not retry it.
        if (error instanceof OverTicketBudget) return done(deps, error.outcome);
        deps.observer.failed(mail.messageId, error);
        throw error;
      }
    },
  };
}

/** Thrown past the hour's ticket budget: carries what was done (stored, counted), not a failure. */
class OverTicketBudget extends Error {
  override readonly name = 'OverTicketBudget';
  constructor(readonly outcome: BounceOutcome) {
    super("the hour's ticket budget is used up");
  }
}

/** What one run learns of the mail, beyond the facts the decision reads. */
interface Gathered {
  rawBounce?: Uint8Array;
  report?: BounceReport;
  budget?: { hour: string; budget: number };
}

async function handleMail(mail: SesMail, deps: BounceDependencies): Promise<BounceOutcome> {
  const now = deps.now?.() ?? new Date();
  const id = mail.messageId;
  const facts: BounceFacts = { verdicts: mail.verdicts };
  const gathered: Gathered = {};
  for (let next = decideBounce(facts, deps.policy); ; next = decideBounce(facts, deps.policy)) {
    if (!isStep(next)) return finish(next, mail, facts, gathered, deps, now);
    switch (next.action) {
      case 'read':
        gathered.rawBounce = await deps.incoming.read(id);
        facts.verdicts = completeVerdicts(mail.verdicts, gathered.rawBounce);
        facts.read = true;
        break;
      case 'decode': {
        const rawBounce = required(gathered.rawBounce);
        const report = await decodeBounce(rawBounce);
        gathered.report = report;
        // Before anything is stored or ticketed: a ticket for our own mail would send it back again.
        const ownMail = ownMailEvidence({
          report,
          rawBounce,
          ...(mail.recipients ? { envelopeRecipients: mail.recipients } : {}),
          ...(deps.ticketMailSender ? { ticketSender: deps.ticketMailSender } : {}),
        });
        facts.decoded = { kind: report.kind, ...(ownMail ? { ownMail } : {}) };
        break;
      }
      case 'store-original': {
        // The ticket links to both: the original (when the bounce returned it) and the raw bounce,
        // published under the originals prefix, the only one the viewer may read.
        const { original } = required(gathered.report);
        if (original) {
          const contentDisposition = emlContentDisposition(original.subject);
          await deps.originals.put(id, 'original', { raw: original.raw, contentDisposition });
        }
        facts.originalStored = original !== undefined;
        break;
      }
      case 'judge-trust':
        facts.trust = await judgeTrust(mail, facts, gathered, deps, now);
        break;
      case 'take-budget': {
        const taken = await deps.budget?.take(now);
        facts.budgetGranted = taken?.granted ?? true;
        if (taken && !taken.granted) gathered.budget = { hour: taken.hour, budget: taken.budget };
        break;
      }
    }
  }
}

async function judgeTrust(
  mail: SesMail,
  facts: BounceFacts,
  gathered: Gathered,
  deps: BounceDependencies,
  now: Date,
): Promise<TrustVerdict> {
  if (!deps.trust) return { trusted: true, by: 'not-checked' };
  return deps.trust.judge({
    report: required(gathered.report),
    rawBounce: required(gathered.rawBounce),
    verdicts: facts.verdicts,
    now,
    ...(mail.recipients ? { envelopeRecipients: mail.recipients } : {}),
  });
}

/** The decision carried out: the outcome recorded, and for `ticket` the ticket posted. */
async function finish(
  decision: BounceDecision,
  mail: SesMail,
  facts: BounceFacts,
  gathered: Gathered,
  deps: BounceDependencies,
  now: Date,
): Promise<BounceOutcome> {
  const sesMessageId = mail.messageId;
  if (decision.action === 'quarantine') {
    return done(deps, { sesMessageId, action: 'quarantined', verdict: decision.verdict });
  }
  const report = required(gathered.report);
  const diagnosis = diagnoseReport(report);
  const about = { sesMessageId, kind: report.kind, category: diagnosis.category, reason: diagnosis.reason };
  const originalStored = facts.originalStored ?? false;
  switch (decision.action) {
    case 'own-mail':
      return done(deps, { ...about, action: 'own-mail', evidence: decision.evidence });
    case 'skip':
      return done(deps, { ...about, action: 'skipped' });
    case 'untrusted':
      return done(deps, { ...about, action: 'untrusted', originalStored, problems: decision.problems });
    case 'over-budget': {
      const { hour, budget } = required(gathered.budget);
      await postBudgetSummary(deps, hour, budget);
      throw new OverTicketBudget({ ...about, action: 'over-budget', originalStored, budget });
    }
    case 'ticket': {
      const rawBounce = required(gathered.rawBounce);
      await deps.originals.put(sesMessageId, 'rawBounce', {
        raw: rawBounce,
        contentDisposition: emlContentDisposition(report.bounce.subject),
      });
      const draft = buildTicketDraft({
        sesMessageId,
        ...(mail.receivedAt ? { receivedAt: mail.receivedAt } : {}),
        report,
        diagnosis,
        verdicts: facts.verdicts,
        links: await deps.links.ticketLinks(sesMessageId, now, originalStored),
        trust: required(facts.trust),
      });
      const ticket = await deps.tickets.post(draft);
      return done(deps, {
        ...about,
        action: 'ticketed',
        ticketId: ticket.id,
        originalStored,
        ...(decision.untrusted ? { untrusted: true as const } : {}),
      });
    }
  }
}

/** The first bounce past the hour's budget posts the hour's one summary ticket. */
async function postBudgetSummary(deps: BounceDependencies, hour: string, budget: number): Promise<void> {
  if (!deps.budget || !(await deps.budget.claimSummary(hour))) return;
  try {
    await deps.tickets.postNotice(budgetSummaryNotice(hour, budget));
  } catch (error) {
    await deps.budget.releaseSummary(hour);
    throw error;
  }
}

function done(deps: BounceDependencies, outcome: BounceOutcome): BounceOutcome {
  deps.observer.handled(outcome);
  return outcome;
}

/** What a step before this one gathered: decideBounce asks for the steps in order. */
function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('a bounce step ran before the step it needs');
  return value;
}
