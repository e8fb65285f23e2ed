// The bounce handler's logs and metrics (Powertools; EMF). Logs are structured JSON with ids, kinds,
// reasons, categories and ticket ids: never mail content or secrets. Metrics, namespace BounceDoctor:
// Bounces (dimensions category, reason), TicketsPosted, Skipped (kind), Quarantined (verdict),
// Duplicates, DuplicatesInProgress, TicketApiRetries, Failures (error), Untrusted (action: ticketed or
// recorded: bounces not tied to a message we sent), OverBudget (past the hour's ticket budget),
// OwnMail (evidence: our ticket mail came back).
import { IdempotencyAlreadyInProgressError } from '@aws-lambda-powertools/idempotency';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { BounceOutcome } from '../core/handling/outcome.ts';
import { logger, metrics } from './powertools.ts';
import type { RetryNotice } from './tickets/post-json.ts';

export interface BounceObserver {
  handled(outcome: BounceOutcome): void;
  duplicate(outcome: BounceOutcome): void;
  ticketRetry(notice: RetryNotice & { sesMessageId: string }): void;
  failed(sesMessageId: string | undefined, error: unknown): void;
}

export const powertoolsBounceObserver: BounceObserver = {
  handled(outcome) {
    if (outcome.action !== 'quarantined' && outcome.kind !== 'not-bounce') {
      count('Bounces', { category: outcome.category, reason: outcome.reason });
    }
    switch (outcome.action) {
      case 'ticketed':
        count('TicketsPosted');
        if (outcome.untrusted) count('Untrusted', { action: 'ticketed' });
        logger.info('bounce ticketed', { ...outcome });
        break;
      case 'untrusted':
        count('Untrusted', { action: 'recorded' });
        logger.warn('bounce not tied to a message we sent: stored and counted, no ticket', { ...outcome });
        break;
      case 'over-budget':
        count('OverBudget');
        logger.warn("the hour's ticket budget is used up: bounce stored and counted, no ticket", {
          ...outcome,
        });
        break;
      case 'skipped':
        count('Skipped', { kind: outcome.kind });
        logger.info('mail recorded, no ticket for its kind', { ...outcome });
        break;
      case 'own-mail':
        count('OwnMail', { evidence: outcome.evidence });
        if (outcome.kind === 'bounce') {
          logger.error('a ticket mail to the helpdesk seems to have bounced: check TICKET_MAIL_TO', {
            ...outcome,
          });
        } else {
          logger.info('our own ticket mail came back (an acknowledgement or a reply): no ticket', {
            ...outcome,
          });
        }
        break;
      case 'quarantined':
        count('Quarantined', { verdict: outcome.verdict });
        logger.warn('mail quarantined on the SES verdict: no ticket, not read further', { ...outcome });
        break;
    }
  },
  duplicate(outcome) {
    count('Duplicates');
    logger.info('duplicate delivery: already handled, nothing done', { ...outcome });
  },
  ticketRetry(notice) {
    count('TicketApiRetries');
    logger.warn('ticket API request failed; retrying', { ...notice });
  },
  failed(sesMessageId, error) {
    if (error instanceof IdempotencyAlreadyInProgressError) {
      count('DuplicatesInProgress');
      logger.warn(
        'duplicate delivery while the first is still running; rethrown so Lambda retries it later',
        {
          sesMessageId,
        },
      );
      return;
    }
    count('Failures', { error: (error as { name?: string }).name ?? 'Error' });
    logger.error('bounce failed; rethrown for a retry', { sesMessageId, error: loggableError(error) });
  },
};

/** The error's class, message, stack and the fields that locate it; not a response body that may quote the ticket. */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const fields = error as Error & Record<string, unknown>;
  const pick = [
    'status',
    'apiMessage',
    'attempts',
    'code',
    'timeoutMs',
    'location',
    'setting',
    'field',
  ] as const;
  const cause =
    error.cause instanceof Error ? { name: error.cause.name, message: error.cause.message } : undefined;
  return {
    name: error.name,
    message: error.message,
    ...Object.fromEntries(pick.filter((key) => fields[key] !== undefined).map((key) => [key, fields[key]])),
    ...(cause ? { cause } : {}),
    stack: error.stack,
  };
}

function count(name: string, dimensions: Record<string, string> = {}): void {
  const metric = metrics.singleMetric();
  for (const [dimension, value] of Object.entries(dimensions)) metric.addDimension(dimension, value);
  metric.addMetric(name, MetricUnit.Count, 1);
}
