// The bounce handler's environment variables, with their defaults and what they mean (the docs' table is
// written from them), and the defaults and vocabulary they share with cdk.json's keys.
import { code, REQUIRED, type SettingDoc } from './documented.ts';
import { MESSAGE_KINDS, type MessageKind } from './message-kinds.ts';
import { type PowertoolsVariable, powertoolsVariables, SERVICE_NAMES } from './powertools.ts';
import { TICKET_SYSTEM_KINDS, TICKET_SYSTEMS } from './ticket-systems.ts';

/** Where SES's S3 action stores the raw mails, and where the handler publishes what a ticket links to. */
export const INCOMING_PREFIX = 'incoming/';
export const ORIGINALS_PREFIX = 'originals/';

export const BOUNCE_DEFAULTS = {
  linkExpiryDays: 30,
  ticketKinds: ['bounce', 'delay', 'feedback'] as readonly MessageKind[],
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
