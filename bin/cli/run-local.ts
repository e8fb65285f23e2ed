// `bounce-doctor run-local` (what `npm start` runs): mail files through the bounce Lambda's own handler
// code with no AWS: the files stand in for S3, a folder takes the stored originals and raw bounces, and
// a ticket receiver on loopback stands in for the ticket API (with `--ticket mail`, a folder takes the
// ticket mails as .eml files). Prints each ticket. With `serve`, the viewer Lambda's own handler then
// serves the printed links on loopback until the run is stopped.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { BounceObserver } from '../../lambda/adapters/bounce-observer.ts';
import { localLambdaContext } from '../../lambda/adapters/local-context.ts';
import { type LocalViewer, startLocalViewer } from '../../lambda/adapters/local-viewer-server.ts';
import { listMailFiles } from '../../lambda/adapters/mail-files.ts';
import { FolderOriginalStore } from '../../lambda/adapters/mail-store/file-mail-store.ts';
import { localMailFolder } from '../../lambda/adapters/tickets/local-mail-folder.ts';
import { startLocalTicketReceiver } from '../../lambda/adapters/tickets/local-receiver.ts';
import type { GenericTicketPayload } from '../../lambda/adapters/tickets/systems/generic.ts';
import type { ViewerObserver } from '../../lambda/adapters/viewer-observer.ts';
import type { TicketMailSettings } from '../../lambda/contracts/bounce.ts';
import { DEFAULT_SUBJECT_MARKER } from '../../lambda/contracts/bounce-variables.ts';
import { messageIdsForFiles } from '../../lambda/core/ses/file-message-ids.ts';
import { type BounceFlow, createBounceFlow } from '../../lambda/wiring/bounce-flow.ts';
import {
  type LocalBounceOptions,
  localBounceDependencies,
} from '../../lambda/wiring/local-bounce-dependencies.ts';
import { createViewerFlow } from '../../lambda/wiring/viewer-flow.ts';
import { mailBlock, noTicketLine, ticketBlock } from './ticket-print.ts';

export interface RunLocalOptions {
  paths: readonly string[];
  /** Keep the stored originals here; by default they go to a temporary folder that is removed. */
  keep?: string;
  /** `generic` (default): JSON to a local receiver; `mail`: each ticket mail written as an .eml file. */
  ticket?: 'generic' | 'mail';
  /** Where links point when the viewer is not served here. */
  viewerBaseUrl: string;
  /** Serve the viewer on 127.0.0.1 (port 0: any free one) until `untilStopped` settles. */
  serve?: { port: number; untilStopped: Promise<unknown> };
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/** The links' host in a run that does not serve the viewer: a reserved name that opens nothing. */
export const LOCAL_VIEWER_BASE_URL = 'https://viewer.bounce-doctor.example';

/** The local run's helpdesk and sender: reserved names, nothing is sent. */
export const LOCAL_TICKET_MAIL: TicketMailSettings = {
  to: 'support@helpdesk.example',
  from: 'bounce-doctor@bounces.example',
  subjectMarker: DEFAULT_SUBJECT_MARKER,
  autoSubmitted: false,
};

/** Resolves to the exit code: 0 every mail handled, 1 some mail failed. */
export async function runLocal(options: RunLocalOptions): Promise<number> {
  const files = messageIdsForFiles(await listMailFiles(options.paths));
  const folder = options.keep ?? (await mkdtemp(join(tmpdir(), 'bounce-doctor-')));
  // The ticket mails are what a mail run is for: their folder stays for a person to open them.
  const removeFolder = !options.keep && options.ticket !== 'mail';
  const originalsFolder = join(folder, 'originals');
  const linkKey = randomBytes(32).toString('base64url');
  let viewer: LocalViewer | undefined;
  try {
    if (options.serve) {
      viewer = await startLocalViewer(
        createViewerFlow({
          mails: new FolderOriginalStore(originalsFolder),
          linkKeys: async () => linkKey,
          observer: printRequests(options.err),
        }),
        { port: options.serve.port },
      );
    }
    const viewerBaseUrl = viewer?.url ?? options.viewerBaseUrl;
    const failed = await runMails(files, { ...options, folder, originalsFolder, linkKey, viewerBaseUrl });
    const where = !removeFolder
      ? `kept in ${originalsFolder}`
      : `stored in ${originalsFolder}, removed ${viewer ? 'when the viewer stops' : 'now'} (--keep DIR keeps them)`;
    options.out.write(`Originals and raw bounces ${where}.\n`);
    if (viewer && options.serve) {
      options.out.write(
        `\nThe viewer is serving these links at ${viewer.url}: open them in a browser.\n` +
          'Press Ctrl+C to stop it.\n',
      );
      await options.serve.untilStopped;
      options.out.write('Viewer stopped.\n');
    } else {
      options.out.write(
        `Links point to ${viewerBaseUrl} (the viewer, VIEWER_BASE_URL in AWS). ` +
          'To open them here, run `npm start` in a terminal, or `npm start -- --serve`.\n',
      );
    }
    return failed > 0 ? 1 : 0;
  } finally {
    await viewer?.close();
    if (removeFolder) await rm(folder, { recursive: true, force: true });
  }
}

type RunMailsOptions = RunLocalOptions & {
  folder: string;
  originalsFolder: string;
  linkKey: string;
  viewerBaseUrl: string;
};

/** Where the handler's tickets go in a local run, and how each is printed. */
interface LocalTicketSink {
  ticket: LocalBounceOptions['ticket'];
  /** The first line of the run: where tickets go. */
  intro: string;
  /** The printed ticket of a mail the handler ticketed; undefined when it got none. */
  printed(file: string, sesMessageId: string): string | undefined;
  count(): number;
  close(): Promise<void>;
}

async function ticketSink(options: RunMailsOptions): Promise<LocalTicketSink> {
  if (options.ticket === 'mail') {
    const mails = localMailFolder(join(options.folder, 'mail'));
    return {
      ticket: { kind: 'mail', settings: LOCAL_TICKET_MAIL, transport: mails },
      intro: `ticket mails to ${LOCAL_TICKET_MAIL.to} written as .eml files in ${mails.folder}`,
      printed: (file, id) => {
        const written = mails.written.find((w) => w.sesMessageId === id);
        return written && mailBlock(file, written.path, written.mail);
      },
      count: () => mails.written.length,
      close: async () => undefined,
    };
  }
  const receiver = await startLocalTicketReceiver();
  return {
    ticket: { kind: 'generic', url: receiver.url },
    intro: `a ticket receiver at ${receiver.url}`,
    printed: (file, id) => {
      const ticket = receiver.tickets.find((t) => t.idempotencyKey === id);
      return ticket && ticketBlock(file, ticket.id, ticket.body as GenericTicketPayload);
    },
    count: () => receiver.tickets.length,
    close: () => receiver.close(),
  };
}

/** Runs every mail through the bounce handler and prints its ticket; resolves to the failures. */
async function runMails(files: ReadonlyMap<string, string>, options: RunMailsOptions): Promise<number> {
  const sink = await ticketSink(options);
  const retries: string[] = [];
  try {
    const flow = createBounceFlow(
      localBounceDependencies({
        files,
        originalsFolder: options.originalsFolder,
        ticket: sink.ticket,
        viewerBaseUrl: options.viewerBaseUrl,
        observer: noteRetries(retries),
        linkKey: options.linkKey,
      }),
    );
    options.out.write(
      `bounce-doctor: ${files.size} mail${files.size === 1 ? '' : 's'} through the bounce handler, ` +
        `with local files for S3 and ${sink.intro}\n\n`,
    );
    let failed = 0;
    for (const [id, file] of files) {
      if (!(await runOne(flow, id, basename(file), sink, options.out))) failed++;
    }
    for (const retry of retries) options.err.write(`${retry}\n`);
    const ticketed = sink.count();
    options.out.write(
      `${ticketed} ticket${ticketed === 1 ? '' : 's'} posted, ${files.size - ticketed - failed} mail(s) without a ticket, ` +
        `${failed} failed.\n`,
    );
    return failed;
  } finally {
    await sink.close();
  }
}

/** One mail through the handler, its ticket (or why it got none) printed; false when it failed. */
async function runOne(
  flow: BounceFlow,
  id: string,
  file: string,
  sink: LocalTicketSink,
  out: NodeJS.WritableStream,
): Promise<boolean> {
  try {
    const outcome = await flow.handleMail({ messageId: id, verdicts: {} }, localLambdaContext());
    const printed = outcome.action === 'ticketed' ? sink.printed(file, id) : undefined;
    out.write(`${printed ?? noTicketLine(file, outcome)}\n\n`);
    return true;
  } catch (error) {
    out.write(`${file} → failed: ${(error as Error).message}\n\n`);
    return false;
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

/** One line per viewer request on stderr, so a newcomer sees the clicks arrive. */
function printRequests(err: NodeJS.WritableStream): ViewerObserver {
  const line = (record: Parameters<ViewerObserver['served']>[0]) =>
    [
      'viewer:',
      record.result,
      record.link ? `(${record.link}${record.sesMessageId ? ` ${record.sesMessageId}` : ''})` : '',
      record.problem ?? '',
    ]
      .filter(Boolean)
      .join(' ');
  return {
    served: (record) => err.write(`${line(record)}\n`),
    failed: (record, error) => err.write(`${line(record)}: ${(error as Error).message}\n`),
  };
}
