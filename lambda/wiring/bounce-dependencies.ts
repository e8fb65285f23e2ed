// Builds the bounce handler's adapters from its configuration: S3, DynamoDB, Secrets Manager and the
// ticket system (an API, or SES for `mail`). Shared by the Lambda entry and `bounce-doctor replay`, so
// both act the same way.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { type BounceObserver, powertoolsBounceObserver } from '../adapters/bounce-observer.ts';
import { BounceTrust, type TxtLookup } from '../adapters/bounce-trust.ts';
import { dynamoIdempotencyStore } from '../adapters/idempotency-store.ts';
import { LinkSigner } from '../adapters/link-signer.ts';
import { S3MailStore } from '../adapters/mail-store/s3-mail-store.ts';
import type { SecretReader } from '../adapters/secret-reader.ts';
import { DynamoTicketBudget } from '../adapters/ticket-budget.ts';
import { secretTicketCredentials } from '../adapters/tickets/credentials.ts';
import { sesMailTransport } from '../adapters/tickets/mail-transport.ts';
import { TICKET_SYSTEMS } from '../adapters/tickets/systems/index.ts';
import {
  createHttpTicketClient,
  createMailTicketClient,
  type TicketClient,
} from '../adapters/tickets/ticket-client.ts';
import type { BounceConfig } from '../contracts/bounce.ts';
import { parseLinkKeys } from '../core/links/link-keys.ts';
import type { RetryPolicy } from '../core/ticketing/retry-policy.ts';
import type { BounceDependencies } from './bounce-flow.ts';

export interface BounceClients {
  s3: S3Client;
  dynamodb: DynamoDBClient;
  secrets: SecretReader;
  /** For the `mail` ticket system; by default one with the ticket settings' attempts and time-out. */
  ses?: SESClient;
}

export interface BounceWiringOptions {
  observer?: BounceObserver;
  /** Backoff settings of the ticket API client (tests shorten the waits). */
  retry?: Partial<Omit<RetryPolicy, 'maxAttempts'>>;
  /** DNS TXT lookups for the DKIM keys (tests answer from memory). @default the system resolver */
  txt?: TxtLookup;
}

export function bounceDependencies(
  config: BounceConfig,
  clients: BounceClients,
  options: BounceWiringOptions = {},
): BounceDependencies {
  const observer = options.observer ?? powertoolsBounceObserver;
  const store = new S3MailStore(clients.s3, {
    bucket: config.bucket,
    incomingPrefix: config.incomingPrefix,
    originalsPrefix: config.originalsPrefix,
  });
  const { ticketApi, links, trust } = config;
  const { verpKeySecretId } = trust;
  return {
    incoming: store,
    originals: store,
    tickets: ticketClient(config.ticketApi, clients, options, observer),
    ...(ticketApi.kind === 'mail' ? { ticketMailSender: ticketApi.mail.from } : {}),
    links: new LinkSigner({
      key: async () => parseLinkKeys(await clients.secrets.text(links.keySecretId)),
      viewerBaseUrl: links.viewerBaseUrl,
      expiryDays: links.expiryDays,
    }),
    idempotency: dynamoIdempotencyStore(config.idempotencyTable, clients.dynamodb),
    observer,
    policy: { ticketKinds: config.ticketKinds, ticketUntrusted: trust.ticketUntrusted },
    budget: new DynamoTicketBudget(clients.dynamodb, config.idempotencyTable, config.ticketApi.budgetPerHour),
    trust: new BounceTrust(trust, {
      ...(verpKeySecretId ? { verpKey: () => clients.secrets.read(verpKeySecretId, 'key') } : {}),
      ...(options.txt ? { txt: options.txt } : {}),
    }),
  };
}

function ticketClient(
  ticketApi: BounceConfig['ticketApi'],
  clients: BounceClients,
  options: BounceWiringOptions,
  observer: BounceObserver,
): TicketClient {
  if (ticketApi.kind === 'mail') {
    const ses =
      clients.ses ??
      new SESClient({
        maxAttempts: ticketApi.maxAttempts,
        requestHandler: { requestTimeout: ticketApi.timeoutMs },
      });
    return createMailTicketClient({
      system: TICKET_SYSTEMS[ticketApi.kind],
      settings: ticketApi.mail,
      transport: sesMailTransport(ses),
    });
  }
  const system = TICKET_SYSTEMS[ticketApi.kind];
  return createHttpTicketClient({
    system,
    url: ticketApi.url,
    credentials: secretTicketCredentials(clients.secrets, ticketApi.tokenSecretId, system.authorization),
    tokenSecretId: ticketApi.tokenSecretId,
    timeoutMs: ticketApi.timeoutMs,
    policy: { ...options.retry, maxAttempts: ticketApi.maxAttempts },
    onRetry: (notice) => observer.ticketRetry(notice),
  });
}
