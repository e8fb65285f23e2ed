// The bounce Lambda's handler over the bounce flow: the SES event is validated and read once, and its mail
// handled by the flow (wiring/bounce-flow.ts), idempotently; an event that is not SES's fails by name.
import type { Context } from 'aws-lambda';
import type { BounceOutcome } from '../core/handling/outcome.ts';
import { parseSesEvent, type SesMail } from '../core/ses/event.ts';
import { type BounceDependencies, createBounceFlow } from '../wiring/bounce-flow.ts';

export type BounceHandler = (event: unknown, context: Context) => Promise<BounceOutcome>;

export function createBounceHandler(deps: BounceDependencies): BounceHandler {
  const flow = createBounceFlow(deps);
  return async (event, context) => {
    let mail: SesMail;
    try {
      mail = parseSesEvent(event);
    } catch (error) {
      deps.observer.failed(undefined, error);
      throw error;
    }
    return flow.handleMail(mail, context);
  };
}
