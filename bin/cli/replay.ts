// `bounce-doctor replay`: runs stored mails through the bounce handler again, with the Lambda's own
// configuration (environment) and code: a local folder, an S3 prefix and time range, or the on-failure
// queue (each record deleted once its bounce was handled). Already-handled bounces get no second ticket.
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { BounceObserver } from '../../lambda/adapters/bounce-observer.ts';
import { FailureQueue } from '../../lambda/adapters/failure-queue.ts';
import { localLambdaContext } from '../../lambda/adapters/local-context.ts';
import { listMailFiles } from '../../lambda/adapters/mail-files.ts';
import { FileMailSource } from '../../lambda/adapters/mail-store/file-mail-store.ts';
import { listStoredMails } from '../../lambda/adapters/mail-store/s3-listing.ts';
import { SecretReader } from '../../lambda/adapters/secret-reader.ts';
import { type BounceConfig, bounceConfigFromEnv } from '../../lambda/contracts/bounce.ts';
import { ConfigError } from '../../lambda/contracts/errors.ts';
import { readFailureRecord } from '../../lambda/core/handling/failure-record.ts';
import type { BounceOutcome } from '../../lambda/core/handling/outcome.ts';
import { parseSesEvent, type SesMail } from '../../lambda/core/ses/event.ts';
import { messageIdsForFiles } from '../../lambda/core/ses/file-message-ids.ts';
import { bounceDependencies } from '../../lambda/wiring/bounce-dependencies.ts';
import { type BounceFlow, createBounceFlow } from '../../lambda/wiring/bounce-flow.ts';
import { REPLAY_USAGE } from './usage.ts';

export interface ReplayIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  env: Readonly<Record<string, string | undefined>>;
}

/** A record that fails again is hidden this long, so one drain meets it once. */
const QUEUE_HIDE_SECONDS = 300;

class ReplayUsageError extends Error {
  override readonly name = 'ReplayUsageError';
}

export async function runReplay(args: readonly string[], io: ReplayIo): Promise<number> {
  let request: ReplayRequest;
  let config: BounceConfig;
  try {
    request = parseReplayArgs(args);
    config = bounceConfigFromEnv(io.env);
  } catch (error) {
    const known =
      error instanceof ReplayUsageError ||
      error instanceof ConfigError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!known) throw error;
    io.err.write(`bounce-doctor replay: ${(error as Error).message}\nUsage:\n${REPLAY_USAGE}\n`);
    return 2;
  }
  const s3 = new S3Client({});
  const tally = new Tally(io.out);
  const deps = bounceDependencies(
    config,
    { s3, dynamodb: new DynamoDBClient({}), secrets: new SecretReader(new SecretsManagerClient({})) },
    { observer: tally.observer(io.err) },
  );
  if (request.mode === 'folder') {
    const files = messageIdsForFiles(await listMailFiles([request.folder]));
    const flow = createBounceFlow({ ...deps, incoming: new FileMailSource(files) });
    for (const messageId of files.keys()) await tally.run(flow, { messageId, verdicts: {} });
  } else if (request.mode === 's3') {
    const flow = createBounceFlow(deps);
    const prefix = request.prefix ?? config.incomingPrefix;
    const query = { bucket: config.bucket, prefix, ...request.range };
    // A stored mail carries no event: its verdicts are read from SES's headers on top of it.
    for (const stored of await listStoredMails(s3, query)) {
      const receivedAt = stored.lastModified.toISOString();
      await tally.run(flow, { messageId: stored.messageId, receivedAt, verdicts: {} });
    }
  } else {
    await drainQueue(
      createBounceFlow(deps),
      new FailureQueue(new SQSClient({}), request.queueUrl),
      request.max,
      tally,
    );
  }
  io.out.write(`${tally.summary()}\n`);
  return tally.failed > 0 ? 1 : 0;
}

async function drainQueue(flow: BounceFlow, queue: FailureQueue, max: number, tally: Tally): Promise<void> {
  const seen = new Set<string>();
  while (seen.size < max) {
    const batch = (await queue.receive(max - seen.size, QUEUE_HIDE_SECONDS)).filter(
      (m) => !seen.has(m.messageId),
    );
    if (batch.length === 0) return;
    for (const message of batch) {
      seen.add(message.messageId);
      let mail: SesMail;
      try {
        mail = parseSesEvent(readFailureRecord(message.body).event);
      } catch (error) {
        tally.failure(`queue message ${message.messageId}`, error, 'left in the queue');
        continue;
      }
      if (await tally.run(flow, mail, ' (deleted from the queue)')) await queue.remove(message);
    }
  }
}

type ReplayRequest =
  | { mode: 'folder'; folder: string }
  | { mode: 's3'; prefix?: string; range: { since?: Date; until?: Date } }
  | { mode: 'queue'; queueUrl: string; max: number };

function parseReplayArgs(args: readonly string[]): ReplayRequest {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      folder: { type: 'string' },
      s3: { type: 'boolean', default: false },
      prefix: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      queue: { type: 'string' },
      max: { type: 'string', default: '1000' },
    },
  });
  if (positionals.length > 0) throw new ReplayUsageError(`unexpected argument: ${positionals[0]}`);
  const modes = [values.folder !== undefined, values.s3, values.queue !== undefined].filter(Boolean).length;
  if (modes !== 1) throw new ReplayUsageError('give one of --folder, --s3 or --queue');
  if (values.folder !== undefined) return { mode: 'folder', folder: values.folder };
  if (values.queue !== undefined) {
    const max = Number(values.max);
    if (!Number.isInteger(max) || max < 1)
      throw new ReplayUsageError(`--max must be a positive whole number`);
    return { mode: 'queue', queueUrl: values.queue, max };
  }
  return {
    mode: 's3',
    ...(values.prefix !== undefined ? { prefix: values.prefix } : {}),
    range: {
      ...(values.since ? { since: parseTime('--since', values.since) } : {}),
      ...(values.until ? { until: parseTime('--until', values.until) } : {}),
    },
  };
}

function parseTime(option: string, value: string): Date {
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new ReplayUsageError(`${option} is not a time: "${value}"`);
  return time;
}

/** Prints a line per mail and counts the outcomes. */
class Tally {
  readonly #counts = { ticketed: 0, 'already handled': 0, 'no ticket': 0, quarantined: 0 };
  readonly #duplicates = new Set<string>();
  failed = 0;

  constructor(private readonly out: NodeJS.WritableStream) {}

  observer(err: NodeJS.WritableStream): BounceObserver {
    return {
      handled: () => undefined,
      duplicate: (outcome) => this.#duplicates.add(outcome.sesMessageId),
      failed: () => undefined,
      ticketRetry: (notice) =>
        err.write(`  retrying the ticket API for ${notice.sesMessageId}: ${notice.problem}\n`),
    };
  }

  /** Runs one mail; true when it was handled (now or before). */
  async run(flow: BounceFlow, mail: SesMail, note = ''): Promise<boolean> {
    const id = mail.messageId;
    try {
      const outcome = await flow.handleMail(mail, localLambdaContext('bounce-doctor-replay'));
      const duplicate = this.#duplicates.has(id);
      const label = duplicate ? 'already handled' : labelOf(outcome);
      this.#counts[label]++;
      this.out.write(
        `${id}  ${duplicate ? `already handled: ${describe(outcome)}` : describe(outcome)}${note}\n`,
      );
      return true;
    } catch (error) {
      this.failure(id, error, note ? 'left in the queue' : '');
      return false;
    }
  }

  failure(what: string, error: unknown, note: string): void {
    this.failed++;
    const name = (error as { name?: string }).name ?? 'Error';
    this.out.write(`${what}  FAILED ${name}: ${(error as Error).message}${note ? ` (${note})` : ''}\n`);
  }

  summary(): string {
    const counts = Object.entries(this.#counts).map(([label, n]) => `${n} ${label}`);
    return `replay: ${[...counts, `${this.failed} failed`].join(', ')}`;
  }
}

function labelOf(outcome: BounceOutcome): 'ticketed' | 'no ticket' | 'quarantined' {
  return outcome.action === 'ticketed'
    ? 'ticketed'
    : outcome.action === 'skipped' ||
        outcome.action === 'untrusted' ||
        outcome.action === 'over-budget' ||
        outcome.action === 'own-mail'
      ? 'no ticket'
      : 'quarantined';
}

function describe(outcome: BounceOutcome): string {
  switch (outcome.action) {
    case 'ticketed':
      return `ticket ${outcome.ticketId || '(no id)'} [${outcome.category}]${outcome.untrusted ? ' (untrusted)' : ''}`;
    case 'skipped':
      return `no ticket: ${outcome.kind} [${outcome.category}]`;
    case 'untrusted':
      return `no ticket: untrusted bounce (${outcome.problems.join(', ')}) [${outcome.category}]`;
    case 'own-mail':
      return `no ticket: our own ticket mail came back (${outcome.evidence}) [${outcome.category}]`;
    case 'quarantined':
      return `quarantined: SES ${outcome.verdict} verdict FAIL`;
    case 'over-budget':
      return `no ticket: the hour's ticket budget (${outcome.budget}) is used up; replay it in a later hour [${outcome.category}]`;
  }
}
