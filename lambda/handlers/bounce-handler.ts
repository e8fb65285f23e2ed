// The bounce handler's work, with its adapters passed in: the Lambda entry (bounce.ts) builds them from
// the environment; `npm start` and `bounce-doctor replay` pass local ones. One ticket per bounce: the
// whole run is idempotent on the SES message id (Powertools idempotency), and failures are rethrown.
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
import { emlContentDisposition } from '../core/bounce/content-disposition.ts';
import { kindDecision, quarantineDecision } from '../core/bounce/decide.ts';
import type { BounceOutcome } from '../core/bounce/outcome.ts';
import { ownMailEvidence } from '../core/bounce/own-mail.ts';
import { MESSAGE_ID_PATH, parseSesEvent, type SesMail } from '../core/bounce/ses-event.ts';
import { budgetSummaryNotice } from '../core/bounce/ticket-budget.ts';
import { buildTicketDraft } from '../core/bounce/ticket-draft.ts';
import { completeVerdicts } from '../core/bounce/verdicts.ts';
import { decodeBounce } from '../core/decode.ts';
import { diagnoseReport } from '../core/diagnosis/diagnose.ts';
import type { MessageKind } from '../core/types.ts';

export interface BounceDependencies {
  incoming: IncomingMail;
  originals: OriginalStore;
  tickets: TicketClient;
  links: Pick<LinkSigner, 'ticketLinks'>;
  idempotency: BasePersistenceLayer;
  observer: BounceObserver;
  ticketKinds: readonly MessageKind[];
  /** Forged bounces: without it (or with no trust setting), every bounce is trusted. */
  trust?: BounceTrust;
  /** The `mail` ticket system's sender: mail SES receives for it answers our own ticket mail. */
  ticketMailSender?: string;
  /** Tickets an hour at most; without it, no limit (local runs). */
  budget?: TicketBudget;
  now?: () => Date;
}

export type BounceHandler = (event: unknown, context: Context) => Promise<BounceOutcome>;

/** How long a handled bounce stays handled: longer than SES's and Lambda's retries, and a replay week. */
export const IDEMPOTENCY_EXPIRY_SECONDS = 7 * 24 * 3600;
/** The same in the Lambda and the replay command, so a replay never tickets a bounce twice. */
export const IDEMPOTENCY_KEY_PREFIX = 'bounce-doctor.bounce';

export function createBounceHandler(deps: BounceDependencies): BounceHandler {
  const config = new IdempotencyConfig({
    eventKeyJmesPath: MESSAGE_ID_PATH,
    throwOnNoIdempotencyKey: true,
    expiresAfterSeconds: IDEMPOTENCY_EXPIRY_SECONDS,
    responseHook: (response) => {
      deps.observer.duplicate(response as BounceOutcome);
      return response;
    },
  });
  const handleOnce = makeIdempotent(
    async (event: unknown, _context: Context): Promise<BounceOutcome> =>
      handleMail(parseSesEvent(event), deps),
    { persistenceStore: deps.idempotency, config, keyPrefix: IDEMPOTENCY_KEY_PREFIX },
  );
  return async (event, context) => {
    let messageId: string | undefined;
    try {
      messageId = parseSesEvent(event).messageId;
      return await handleOnce(event, context);
    } catch (error) {
      // Past the budget the run "fails" inside the idempotent function, so no record says it was
      // handled, and succeeds here, so Lambda does not retry it.
      if (error instanceof OverTicketBudget) return done(deps, error.outcome);
      deps.observer.failed(messageId, error);
      throw error;
    }
  };
}

/** Thrown past the hour's ticket budget: carries what was done (stored, counted), not a failure. */
class OverTicketBudget extends Error {
  override readonly name = 'OverTicketBudget';
  constructor(readonly outcome: BounceOutcome) {
    super("the hour's ticket budget is used up");
  }
}

async function handleMail(mail: SesMail, deps: BounceDependencies): Promise<BounceOutcome> {
  const now = deps.now?.() ?? new Date();
  const id = mail.messageId;
  // A spam or virus FAIL in the event: the mail is not even read.
  const early = quarantineDecision(mail.verdicts);
  if (early) return done(deps, quarantined(id, early));

  const raw = await deps.incoming.read(id);
  const verdicts = completeVerdicts(mail.verdicts, raw);
  const late = quarantineDecision(verdicts);
  if (late) return done(deps, quarantined(id, late));

  const report = await decodeBounce(raw);
  const diagnosis = diagnoseReport(report);
  const facts = {
    sesMessageId: id,
    kind: report.kind,
    category: diagnosis.category,
    reason: diagnosis.reason,
  };
  // Before anything is stored or ticketed: a ticket for our own mail would send it back again.
  const evidence = ownMailEvidence({
    report,
    raw,
    ...(mail.recipients ? { envelopeRecipients: mail.recipients } : {}),
    ...(deps.ticketMailSender ? { ticketSender: deps.ticketMailSender } : {}),
  });
  if (evidence) return done(deps, { ...facts, action: 'own-mail', evidence });
  if (kindDecision(report.kind, deps.ticketKinds).action === 'skip') {
    return done(deps, { ...facts, action: 'skipped' });
  }

  // The ticket links to both: the original (when the bounce returned it) and the raw bounce, published
  // under the originals prefix, the only one the viewer may read. Quarantined mail never gets here.
  if (report.original) {
    const contentDisposition = emlContentDisposition(report.original.subject);
    await deps.originals.put(id, 'original', { raw: report.original.raw, contentDisposition });
  }
  const originalStored = report.original !== undefined;
  const trust = deps.trust
    ? await deps.trust.judge({
        report,
        raw,
        verdicts,
        now,
        ...(mail.recipients ? { envelopeRecipients: mail.recipients } : {}),
      })
    : undefined;
  if (trust && !trust.trusted && !deps.trust?.ticketUntrusted) {
    return done(deps, { ...facts, action: 'untrusted', originalStored, problems: trust.problems });
  }
  const budget = await deps.budget?.take(now);
  if (budget && !budget.granted) {
    await postBudgetSummary(deps, budget.hour, budget.budget);
    throw new OverTicketBudget({ ...facts, action: 'over-budget', originalStored, budget: budget.budget });
  }
  await deps.originals.put(id, 'bounce', {
    raw,
    contentDisposition: emlContentDisposition(report.bounce.subject),
  });
  const links = await deps.links.ticketLinks(id, now, originalStored);
  const draft = buildTicketDraft({
    sesMessageId: id,
    ...(mail.receivedAt ? { receivedAt: mail.receivedAt } : {}),
    report,
    diagnosis,
    verdicts,
    links,
    ...(trust ? { trust } : {}),
  });
  const ticket = await deps.tickets.post(draft);
  return done(deps, {
    ...facts,
    action: 'ticketed',
    ticketId: ticket.id,
    originalStored,
    ...(trust && !trust.trusted ? { untrusted: true as const } : {}),
  });
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

function quarantined(sesMessageId: string, decision: { verdict: 'spam' | 'virus' }): BounceOutcome {
  return { sesMessageId, action: 'quarantined', verdict: decision.verdict };
}

function done(deps: BounceDependencies, outcome: BounceOutcome): BounceOutcome {
  deps.observer.handled(outcome);
  return outcome;
}
