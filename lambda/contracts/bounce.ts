// The bounce handler's settings: the configuration its variables (bounce-variables.ts) make, one shape for
// cdk.json's choices, the construct and the runtime; the reader the Lambda checks them with at cold
// start, and the writer the stack sets them with.
import {
  BOUNCE_DEFAULTS,
  type BounceEnv,
  type BounceVariable,
  INCOMING_PREFIX,
  ORIGINALS_PREFIX,
} from './bounce-variables.ts';
import { ConfigError, type ConfigErrorOptions } from './errors.ts';
import { MESSAGE_KINDS, type MessageKind } from './message-kinds.ts';
import {
  type HttpTicketSystemKind,
  isHttpTicketSystem,
  type MailTicketSystemKind,
  TICKET_SYSTEM_KINDS,
  type TicketSystemKind,
} from './ticket-systems.ts';
import type { TrustConfig } from './trust.ts';
import {
  booleanValue,
  commaList,
  domainList,
  httpUrl,
  mailAddress,
  oneOf,
  optional,
  positiveNumber,
  required,
} from './values.ts';

/** The `mail` ticket system: one mail per bounce to the helpdesk, replying to the returned original. */
export interface TicketMailSettings {
  /** The helpdesk's inbound address. */
  readonly to: string;
  /** The sender: a verified SES identity, one the helpdesk accepts mail from. */
  readonly from: string;
  /** Put after the subject, `{category}` standing for the category; "" for none. @default DEFAULT_SUBJECT_MARKER */
  readonly subjectMarker?: string;
  /**
   * Send `Auto-Submitted: auto-generated`: OTRS/Znuny then keep the mail and send no acknowledgement,
   * but Zendesk suspends it (docs/ticket.md). Off by default.
   */
  readonly autoSubmitted: boolean;
}

interface TicketDelivery {
  /** Per request (HTTP) or per send (SES). */
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  /** Tickets an hour at most (UTC hours); past it bounces are stored and counted, with one summary ticket. */
  readonly budgetPerHour: number;
}

export type TicketApiConfig =
  | (TicketDelivery & {
      readonly kind: HttpTicketSystemKind;
      readonly url: string;
      readonly tokenSecretId: string;
    })
  | (TicketDelivery & { readonly kind: MailTicketSystemKind; readonly mail: TicketMailSettings });

/** What a deployment chooses for the bounce handler: cdk.json's reading of it, the construct's props. */
export interface BounceSettings {
  readonly ticketApi: TicketApiConfig;
  /** Kinds of mail that get a ticket; the others are recorded and counted only. */
  readonly ticketKinds: readonly MessageKind[];
  readonly links: { readonly keySecretId: string; readonly expiryDays: number };
  readonly trust: TrustConfig;
}

/** The handler's configuration at run time: the settings and where the stack put things. */
export interface BounceConfig extends BounceSettings {
  readonly bucket: string;
  readonly incomingPrefix: string;
  readonly originalsPrefix: string;
  readonly idempotencyTable: string;
  readonly links: BounceSettings['links'] & { readonly viewerBaseUrl: string };
}

export function bounceConfigFromEnv(env: BounceEnv): BounceConfig {
  return {
    bucket: required(env, 'BUCKET_NAME'),
    incomingPrefix: optional(env, 'INCOMING_PREFIX') ?? INCOMING_PREFIX,
    originalsPrefix: optional(env, 'ORIGINALS_PREFIX') ?? ORIGINALS_PREFIX,
    idempotencyTable: required(env, 'IDEMPOTENCY_TABLE'),
    ticketApi: ticketApiFromEnv(env),
    links: {
      keySecretId: required(env, 'LINK_KEY_SECRET_ID'),
      viewerBaseUrl: httpUrl('VIEWER_BASE_URL', required(env, 'VIEWER_BASE_URL')).replace(/\/+$/, ''),
      expiryDays: positiveNumber('LINK_EXPIRY_DAYS', env.LINK_EXPIRY_DAYS, BOUNCE_DEFAULTS.linkExpiryDays),
    },
    ticketKinds: orDefaultKinds(ticketKinds('TICKET_KINDS', commaList(env.TICKET_KINDS))),
    trust: trustFromEnv(env),
  };
}

/** The environment bounceConfigFromEnv reads back as `config` (the stack adds Powertools' two). */
export function bounceEnvironment(config: BounceConfig): Partial<Record<BounceVariable, string>> {
  const { ticketApi, links } = config;
  return {
    BUCKET_NAME: config.bucket,
    INCOMING_PREFIX: config.incomingPrefix,
    ORIGINALS_PREFIX: config.originalsPrefix,
    IDEMPOTENCY_TABLE: config.idempotencyTable,
    ...ticketApiEnvironment(ticketApi),
    TICKET_TIMEOUT_MS: String(ticketApi.timeoutMs),
    TICKET_MAX_ATTEMPTS: String(ticketApi.maxAttempts),
    TICKET_BUDGET_PER_HOUR: String(ticketApi.budgetPerHour),
    ...(config.ticketKinds.length > 0 ? { TICKET_KINDS: config.ticketKinds.join(',') } : {}),
    LINK_KEY_SECRET_ID: links.keySecretId,
    LINK_EXPIRY_DAYS: String(links.expiryDays),
    VIEWER_BASE_URL: links.viewerBaseUrl,
    ...trustEnvironment(config.trust),
  };
}

/** Each kind one of MESSAGE_KINDS. None: the handler's default kinds (orDefaultKinds). */
export function ticketKinds(
  name: string,
  kinds: readonly string[],
  options?: ConfigErrorOptions,
): readonly MessageKind[] {
  for (const kind of kinds) {
    if (!(MESSAGE_KINDS as readonly string[]).includes(kind)) {
      throw new ConfigError(name, `"${kind}" is not one of ${MESSAGE_KINDS.join(', ')}`, options);
    }
  }
  return kinds as MessageKind[];
}

export function orDefaultKinds(kinds: readonly MessageKind[]): readonly MessageKind[] {
  return kinds.length > 0 ? kinds : BOUNCE_DEFAULTS.ticketKinds;
}

function ticketApiFromEnv(env: BounceEnv): TicketApiConfig {
  const kind: TicketSystemKind = oneOf(
    'TICKET_API_KIND',
    env.TICKET_API_KIND,
    TICKET_SYSTEM_KINDS,
    'generic',
  );
  const delivery: TicketDelivery = {
    timeoutMs: positiveNumber('TICKET_TIMEOUT_MS', env.TICKET_TIMEOUT_MS, BOUNCE_DEFAULTS.ticketTimeoutMs),
    maxAttempts: positiveNumber(
      'TICKET_MAX_ATTEMPTS',
      env.TICKET_MAX_ATTEMPTS,
      BOUNCE_DEFAULTS.ticketMaxAttempts,
      {
        integer: true,
      },
    ),
    budgetPerHour: positiveNumber(
      'TICKET_BUDGET_PER_HOUR',
      env.TICKET_BUDGET_PER_HOUR,
      BOUNCE_DEFAULTS.ticketBudgetPerHour,
      { integer: true },
    ),
  };
  if (!isHttpTicketSystem(kind)) return { kind, ...delivery, mail: ticketMailFromEnv(env) };
  return {
    kind,
    ...delivery,
    url: httpUrl('TICKET_API_URL', required(env, 'TICKET_API_URL')),
    tokenSecretId: required(env, 'TICKET_TOKEN_SECRET_ID'),
  };
}

function ticketMailFromEnv(env: BounceEnv): TicketMailSettings {
  const marker = env.TICKET_MAIL_SUBJECT_MARKER;
  return {
    to: mailAddress('TICKET_MAIL_TO', required(env, 'TICKET_MAIL_TO')),
    from: mailAddress('TICKET_MAIL_FROM', required(env, 'TICKET_MAIL_FROM')),
    // Set but empty: no marker at all.
    ...(marker === undefined ? {} : { subjectMarker: marker.replace(/\s+/g, ' ').trim() }),
    autoSubmitted: booleanValue('TICKET_MAIL_AUTO_SUBMITTED', env.TICKET_MAIL_AUTO_SUBMITTED, false),
  };
}

function ticketApiEnvironment(ticketApi: TicketApiConfig): Partial<Record<BounceVariable, string>> {
  if (ticketApi.kind !== 'mail') {
    return {
      TICKET_API_KIND: ticketApi.kind,
      TICKET_API_URL: ticketApi.url,
      TICKET_TOKEN_SECRET_ID: ticketApi.tokenSecretId,
    };
  }
  const { mail } = ticketApi;
  return {
    TICKET_API_KIND: ticketApi.kind,
    TICKET_MAIL_TO: mail.to,
    TICKET_MAIL_FROM: mail.from,
    ...(mail.subjectMarker !== undefined ? { TICKET_MAIL_SUBJECT_MARKER: mail.subjectMarker } : {}),
    TICKET_MAIL_AUTO_SUBMITTED: String(mail.autoSubmitted),
  };
}

function trustFromEnv(env: BounceEnv): TrustConfig {
  const verpKeySecretId = optional(env, 'VERP_KEY_SECRET_ID');
  return {
    messageIdDomains: domainList('TRUSTED_MESSAGE_ID_DOMAINS', env.TRUSTED_MESSAGE_ID_DOMAINS),
    dkimDomains: domainList('TRUSTED_DKIM_DOMAINS', env.TRUSTED_DKIM_DOMAINS),
    ...(verpKeySecretId ? { verpKeySecretId } : {}),
    ticketUntrusted: booleanValue('TICKET_UNTRUSTED', env.TICKET_UNTRUSTED, false),
  };
}

function trustEnvironment(trust: TrustConfig): Partial<Record<BounceVariable, string>> {
  return {
    ...(trust.messageIdDomains.length > 0
      ? { TRUSTED_MESSAGE_ID_DOMAINS: trust.messageIdDomains.join(',') }
      : {}),
    ...(trust.dkimDomains.length > 0 ? { TRUSTED_DKIM_DOMAINS: trust.dkimDomains.join(',') } : {}),
    ...(trust.verpKeySecretId ? { VERP_KEY_SECRET_ID: trust.verpKeySecretId } : {}),
    TICKET_UNTRUSTED: String(trust.ticketUntrusted),
  };
}
