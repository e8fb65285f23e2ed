// The bounce handler's settings: its environment variables with their defaults and docs, the
// configuration they make (one shape for cdk.json's choices, the construct and the runtime), the
// reader the Lambda checks them with at cold start, and the writer the stack sets them with.
import { code, REQUIRED, type SettingDoc } from './documented.ts';
import { ConfigError, type ConfigErrorOptions } from './errors.ts';
import { type PowertoolsVariable, powertoolsVariables, SERVICE_NAMES } from './powertools.ts';
import {
  type HttpTicketSystemKind,
  isHttpTicketSystem,
  type MailTicketSystemKind,
  TICKET_SYSTEM_KINDS,
  TICKET_SYSTEMS,
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

/** The kinds of mail the decoder tells apart (lambda/core/types.ts; core/handling/decide.ts keeps them equal). */
export const MESSAGE_KINDS = [
  'bounce',
  'delay',
  'auto-reply',
  'feedback',
  'delivered',
  'not-bounce',
] as const;
export type TicketKind = (typeof MESSAGE_KINDS)[number];

/** Where SES's S3 action stores the raw mails, and where the handler publishes what a ticket links to. */
export const INCOMING_PREFIX = 'incoming/';
export const ORIGINALS_PREFIX = 'originals/';

export const BOUNCE_DEFAULTS = {
  linkExpiryDays: 30,
  ticketKinds: ['bounce', 'delay', 'feedback'] as readonly TicketKind[],
  ticketTimeoutMs: 10_000,
  ticketMaxAttempts: 4,
  ticketBudgetPerHour: 100,
} as const;

/** After `Re: <original subject>` in a ticket mail; `{category}` stands for the category. */
export const DEFAULT_SUBJECT_MARKER = '[bounce: {category}]';

/** `generic` (bounce-doctor's JSON), …: each system with what it is. */
const SYSTEMS_SHOWN = TICKET_SYSTEM_KINDS.map((kind) => `${code(kind)} (${TICKET_SYSTEMS[kind].what})`);

export const BOUNCE_VARIABLES = {
  BUCKET_NAME: {
    default: REQUIRED,
    meaning: 'the bucket SES stores the raw mails in; the originals go there too',
  },
  INCOMING_PREFIX: {
    default: code(INCOMING_PREFIX),
    meaning: "where the receipt rule's S3 action stores the raw mails (`<prefix><SES message id>`)",
  },
  ORIGINALS_PREFIX: {
    default: code(ORIGINALS_PREFIX),
    meaning:
      'where the returned originals and the raw bounces are published (`<prefix><id>.eml`, `<prefix><id>.bounce.eml`)',
  },
  IDEMPOTENCY_TABLE: {
    default: REQUIRED,
    meaning:
      'DynamoDB table of the idempotency records (partition key `id`, String; TTL attribute `expiration`)',
  },
  TICKET_API_KIND: {
    default: code('generic'),
    meaning: `${SYSTEMS_SHOWN.slice(0, -1).join(', ')} or ${SYSTEMS_SHOWN.at(-1)}`,
  },
  TICKET_API_URL: {
    default: REQUIRED,
    meaning: 'where tickets are POSTed, e.g. `https://acme.zendesk.com/api/v2/tickets.json`; not with `mail`',
  },
  TICKET_TOKEN_SECRET_ID: {
    default: REQUIRED,
    meaning:
      'Secrets Manager secret with the token: the token, `{"token": "…"}` (Bearer), or `{"email", "token"}` (Zendesk API token, Basic); kept 5 minutes, read again on a 401/403; not with `mail`',
  },
  TICKET_MAIL_TO: {
    default: '(with `mail`)',
    meaning: "the helpdesk's inbound address: the ticket mail replies to the returned original there",
  },
  TICKET_MAIL_FROM: {
    default: '(with `mail`)',
    meaning: 'the sender, a verified SES identity; mail SES receives for it answers our own ticket mail',
  },
  TICKET_MAIL_SUBJECT_MARKER: {
    default: code(DEFAULT_SUBJECT_MARKER),
    meaning: 'after `Re: <original subject>`; `{category}` stands for the category; set but empty: none',
  },
  TICKET_MAIL_AUTO_SUBMITTED: {
    default: code(false),
    meaning: '`true`: `Auto-Submitted: auto-generated` (Zendesk suspends such mail; [The ticket](ticket.md))',
  },
  TICKET_TIMEOUT_MS: {
    default: code(BOUNCE_DEFAULTS.ticketTimeoutMs),
    meaning: 'time-out of each ticket API request, the response body included',
  },
  TICKET_MAX_ATTEMPTS: {
    default: code(BOUNCE_DEFAULTS.ticketMaxAttempts),
    meaning: 'requests per ticket, the first included',
  },
  TICKET_KINDS: {
    default: code(BOUNCE_DEFAULTS.ticketKinds),
    meaning: `kinds that get a ticket (of ${MESSAGE_KINDS.map((kind) => code(kind)).join(', ')}); others are recorded`,
  },
  LINK_KEY_SECRET_ID: {
    default: REQUIRED,
    meaning:
      'Secrets Manager secret with the HMAC key of the links (at least 32 bytes): the key itself, or JSON `{"key": "…"}`',
  },
  VIEWER_BASE_URL: {
    default: REQUIRED,
    meaning:
      'base URL of the original-message viewer (its Lambda Function URL); links are `<base>/o/<token>` and `<base>/r/<token>`',
  },
  LINK_EXPIRY_DAYS: {
    default: code(BOUNCE_DEFAULTS.linkExpiryDays),
    meaning: 'how long the links in a ticket work',
  },
  TRUSTED_MESSAGE_ID_DOMAINS: {
    default: '',
    meaning:
      'comma list of our Message-ID domains: a bounce returning a Message-ID of one (or a subdomain) is trusted',
  },
  VERP_KEY_SECRET_ID: {
    default: '',
    meaning:
      'Secrets Manager secret with the HMAC key of the signed return paths (32+ bytes): the key, or JSON `{"key": "…"}`',
  },
  TRUSTED_DKIM_DOMAINS: {
    default: '',
    meaning:
      'comma list of our DKIM signing domains: a returned original whose headers carry a valid signature of one (d=) is trusted',
  },
  TICKET_UNTRUSTED: {
    default: code(false),
    meaning:
      '`true`: untrusted bounces get a ticket too, titled `[untrusted] …`; `false`: they are stored and counted only',
  },
  TICKET_BUDGET_PER_HOUR: {
    default: code(BOUNCE_DEFAULTS.ticketBudgetPerHour),
    meaning:
      'tickets an hour at most; past it bounces are stored and counted, with one summary ticket ([Forged bounces](forged-bounces.md#the-hourly-ticket-budget))',
  },
  ...powertoolsVariables(SERVICE_NAMES.bounce),
} as const satisfies Readonly<Record<string, SettingDoc>>;

export type BounceVariable = Exclude<keyof typeof BOUNCE_VARIABLES, PowertoolsVariable>;
/** The bounce handler's environment: `process.env` fits it; a name not in BOUNCE_VARIABLES does not. */
export type BounceEnv = Readonly<Partial<Record<BounceVariable, string | undefined>>>;

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
  readonly ticketKinds: readonly TicketKind[];
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
): readonly TicketKind[] {
  for (const kind of kinds) {
    if (!(MESSAGE_KINDS as readonly string[]).includes(kind)) {
      throw new ConfigError(name, `"${kind}" is not one of ${MESSAGE_KINDS.join(', ')}`, options);
    }
  }
  return kinds as TicketKind[];
}

export function orDefaultKinds(kinds: readonly TicketKind[]): readonly TicketKind[] {
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
