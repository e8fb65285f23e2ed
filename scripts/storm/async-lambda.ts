// Lambda's asynchronous invocation, as SES's Lambda action uses it, in one process: events wait in a
// queue, at most `concurrency` run at once; an invocation that throws is retried twice after a delay,
// then its event goes to the on-failure queue (a Lambda on-failure record). The handler is the real one.
import type { Context } from 'aws-lambda';
import { localLambdaContext } from '../../lambda/adapters/local-context.ts';
import type { BounceOutcome } from '../../lambda/core/handling/outcome.ts';
import type { BounceHandler } from '../../lambda/handlers/bounce-handler.ts';

export interface AsyncLambdaOptions {
  concurrency: number;
  /** Waits before the retries (Lambda: about 1 and 2 minutes; the storm scales them down). */
  retryDelaysMs: readonly number[];
  /** The function's time-out: the idempotency record's "in progress" lasts as long. */
  timeoutMs: number;
}

export interface FailureRecord {
  requestPayload: unknown;
  requestContext: { condition: 'RetriesExhausted'; approximateInvokeCount: number };
  responsePayload: { errorType: string; errorMessage: string };
}

interface Invocation {
  id: string;
  event: unknown;
  attempt: number;
}

export class AsyncLambda {
  readonly failureQueue: FailureRecord[] = [];
  /** The first successful outcome of each message id, and when it came. */
  readonly outcomes = new Map<string, { outcome: BounceOutcome; at: number }>();
  readonly firstQueuedAt = new Map<string, number>();
  readonly durationsMs: number[] = [];
  readonly errors = new Map<string, number>();
  invocations = 0;
  retries = 0;
  readonly #queue: Invocation[] = [];
  #running = 0;
  #timers = 0;
  #idle: (() => void) | undefined;

  constructor(
    private readonly handler: BounceHandler,
    private readonly options: AsyncLambdaOptions,
  ) {}

  /** An event arrives (SES invokes the function, Event type). */
  invoke(id: string, event: unknown): void {
    if (!this.firstQueuedAt.has(id)) this.firstQueuedAt.set(id, performance.now());
    this.#queue.push({ id, event, attempt: 1 });
    this.#pump();
  }

  /** Resolves once nothing is queued, running or waiting for a retry. */
  idle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => {
      this.#idle = resolve;
    });
  }

  #isIdle(): boolean {
    return this.#queue.length === 0 && this.#running === 0 && this.#timers === 0;
  }

  #pump(): void {
    while (this.#running < this.options.concurrency && this.#queue.length > 0) {
      const next = this.#queue.shift() as Invocation;
      this.#running++;
      void this.#run(next).finally(() => {
        this.#running--;
        this.#pump();
        if (this.#isIdle()) this.#idle?.();
      });
    }
  }

  async #run(invocation: Invocation): Promise<void> {
    this.invocations++;
    const started = performance.now();
    try {
      const outcome = await this.handler(invocation.event, this.#context());
      const now = performance.now();
      this.durationsMs.push(now - started);
      if (!this.outcomes.has(invocation.id)) this.outcomes.set(invocation.id, { outcome, at: now });
    } catch (error) {
      const name = (error as { name?: string }).name ?? 'Error';
      this.errors.set(name, (this.errors.get(name) ?? 0) + 1);
      const delay = this.options.retryDelaysMs[invocation.attempt - 1];
      if (delay === undefined) {
        this.failureQueue.push({
          requestPayload: invocation.event,
          requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: invocation.attempt },
          responsePayload: { errorType: name, errorMessage: (error as Error).message ?? String(error) },
        });
        return;
      }
      this.retries++;
      this.#timers++;
      setTimeout(() => {
        this.#timers--;
        this.#queue.push({ ...invocation, attempt: invocation.attempt + 1 });
        this.#pump();
      }, delay);
    }
  }

  #context(): Context {
    return localLambdaContext('bounce-doctor-storm', this.options.timeoutMs);
  }
}
