// `bounce-doctor run-local` (what `npm start` runs): mail files through the bounce Lambda's own handler
// code with no AWS: the files stand in for S3, a folder takes the originals, and a ticket receiver on
// loopback stands in for the ticket API. Prints each ticket; the receiver is closed before it returns.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { BounceObserver } from '../../lambda/adapters/bounce-observer.ts';
import { localLambdaContext } from '../../lambda/adapters/local-context.ts';
import { listMailFiles } from '../../lambda/adapters/mail-files.ts';
import { startLocalTicketReceiver } from '../../lambda/adapters/tickets/local-receiver.ts';
import { messageIdsForFiles } from '../../lambda/core/bounce/file-message-ids.ts';
import { sesEventFor } from '../../lambda/core/bounce/ses-event.ts';
import type { GenericTicketPayload } from '../../lambda/core/bounce/ticket-payloads.ts';
import { createBounceHandler } from '../../lambda/handlers/bounce-handler.ts';
import { localBounceDependencies } from '../../lambda/handlers/local-bounce-dependencies.ts';
import { noTicketLine, ticketBlock } from './ticket-print.ts';

export interface RunLocalOptions {
  paths: readonly string[];
  /** Keep the stored originals here; by default they go to a temporary folder that is removed. */
  keep?: string;
  viewerBaseUrl: string;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/** The links' host in a local run: a reserved name, since the viewer is not part of the local run. */
export const LOCAL_VIEWER_BASE_URL = 'https://viewer.bounce-doctor.example';

/** Resolves to the exit code: 0 every mail handled, 1 some mail failed. */
export async function runLocal(options: RunLocalOptions): Promise<number> {
  const files = messageIdsForFiles(await listMailFiles(options.paths));
  const folder = options.keep ?? (await mkdtemp(join(tmpdir(), 'bounce-doctor-')));
  const receiver = await startLocalTicketReceiver();
  const retries: string[] = [];
  try {
    const handler = createBounceHandler(
      localBounceDependencies({
        files,
        originalsFolder: join(folder, 'originals'),
        ticketApiUrl: receiver.url,
        viewerBaseUrl: options.viewerBaseUrl,
        observer: noteRetries(retries),
      }),
    );
    options.out.write(
      `bounce-doctor: ${files.size} mail${files.size === 1 ? '' : 's'} through the bounce handler, ` +
        `with local files for S3 and a ticket receiver at ${receiver.url}\n\n`,
    );
    let failed = 0;
    for (const [id, file] of files) {
      try {
        const outcome = await handler(sesEventFor(id), localLambdaContext());
        const ticket = receiver.tickets.find((t) => t.idempotencyKey === id);
        options.out.write(
          `${ticket && outcome.action === 'ticketed' ? ticketBlock(basename(file), ticket.id, ticket.body as GenericTicketPayload) : noTicketLine(basename(file), outcome)}\n\n`,
        );
      } catch (error) {
        failed++;
        options.out.write(`${basename(file)} → failed: ${(error as Error).message}\n\n`);
      }
    }
    for (const retry of retries) options.err.write(`${retry}\n`);
    const ticketed = receiver.tickets.length;
    options.out.write(
      `${ticketed} ticket${ticketed === 1 ? '' : 's'} posted, ${files.size - ticketed - failed} mail(s) without a ticket, ` +
        `${failed} failed. Links point to ${options.viewerBaseUrl} (the viewer, VIEWER_BASE_URL in AWS); ` +
        `originals ${options.keep ? `kept in ${join(folder, 'originals')}` : 'stored in a temporary folder, removed now (--keep DIR keeps them)'}.\n`,
    );
    return failed > 0 ? 1 : 0;
  } finally {
    await receiver.close();
    if (!options.keep) await rm(folder, { recursive: true, force: true });
  }
}

/** The printed tickets are the run's record; only ticket API retries are worth a note. */
function noteRetries(notes: string[]): BounceObserver {
  return {
    handled: () => undefined,
    duplicate: () => undefined,
    failed: () => undefined,
    ticketRetry: (notice) => notes.push(`ticket API retry for ${notice.sesMessageId}: ${notice.problem}`),
  };
}
