// The bounce handler's adapters for a run without AWS (`npm start`): mail files in place of S3's
// incoming prefix, a folder for the originals, memory for the idempotency records, and a ticket API
// given by URL (the local receiver) or, for the `mail` ticket system, a folder of .eml files. The
// handler code is the Lambda's own.
import { randomBytes } from 'node:crypto';
import type { BounceObserver } from '../adapters/bounce-observer.ts';
import { MemoryIdempotencyStore } from '../adapters/idempotency-store.ts';
import { LinkSigner } from '../adapters/link-signer.ts';
import { FileMailSource, FolderOriginalStore } from '../adapters/mail-store/file-mail-store.ts';
import type { MailTransport } from '../adapters/tickets/mail-transport.ts';
import { TICKET_SYSTEMS } from '../adapters/tickets/systems/index.ts';
import {
  createHttpTicketClient,
  createMailTicketClient,
  type TicketClient,
} from '../adapters/tickets/ticket-client.ts';
import type { TicketMailSettings } from '../contracts/bounce.ts';
import { BOUNCE_DEFAULTS } from '../contracts/bounce-variables.ts';
import type { BounceDependencies } from './bounce-flow.ts';

export interface LocalBounceOptions {
  /** Mail files by message id. */
  files: ReadonlyMap<string, string>;
  originalsFolder: string;
  /** The generic JSON to a ticket API at this URL, or mail through this transport. */
  ticket:
    | { kind: 'generic'; url: string }
    | { kind: 'mail'; settings: TicketMailSettings; transport: MailTransport };
  viewerBaseUrl: string;
  observer: BounceObserver;
  /** The links' key; by default a fresh one, so only this run could check the links. */
  linkKey?: string;
}

export function localBounceDependencies(options: LocalBounceOptions): BounceDependencies {
  // A fresh key per run: the links are real tokens, but only this run (and its local viewer) checks them.
  const linkKey = options.linkKey ?? randomBytes(32).toString('base64url');
  return {
    incoming: new FileMailSource(options.files),
    originals: new FolderOriginalStore(options.originalsFolder),
    tickets: localTicketClient(options.ticket),
    ...(options.ticket.kind === 'mail' ? { ticketMailSender: options.ticket.settings.from } : {}),
    links: new LinkSigner({
      key: async () => linkKey,
      viewerBaseUrl: options.viewerBaseUrl,
      expiryDays: BOUNCE_DEFAULTS.linkExpiryDays,
    }),
    idempotency: new MemoryIdempotencyStore(),
    observer: options.observer,
    policy: { ticketKinds: BOUNCE_DEFAULTS.ticketKinds, ticketUntrusted: false },
  };
}

function localTicketClient(ticket: LocalBounceOptions['ticket']): TicketClient {
  if (ticket.kind === 'mail') {
    return createMailTicketClient({
      system: TICKET_SYSTEMS.mail,
      settings: ticket.settings,
      transport: ticket.transport,
    });
  }
  return createHttpTicketClient({
    system: TICKET_SYSTEMS.generic,
    url: ticket.url,
    credentials: { authorization: async () => 'Bearer local-token' },
    tokenSecretId: '(local run)',
    timeoutMs: 5_000,
    policy: { maxAttempts: 2, baseDelayMs: 50 },
  });
}
