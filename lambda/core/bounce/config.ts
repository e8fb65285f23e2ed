// The bounce handler's configuration, read from an environment map the caller passes in (the Lambda's
// environment, or the replay command's). Pure; errors name the variable. Every variable is in docs/bounce-handler.md.
import { MESSAGE_KINDS, type MessageKind } from '../types.ts';
import { BounceConfigError } from './errors.ts';
import { DEFAULT_SUBJECT_MARKER, type TicketMailSettings } from './ticket-mail.ts';

export const TICKET_API_KINDS = ['generic', 'zendesk', 'mail'] as const;
export type TicketApiKind = (typeof TICKET_API_KINDS)[number];
/** The ticket systems reached over HTTP with a token. */
export type HttpTicketApiKind = Exclude<TicketApiKind, 'mail'>;

interface TicketDelivery {
  /** Per request (HTTP) or per send (SES). */
  timeoutMs: number;
  maxAttempts: number;
}

export type TicketApiConfig =
  | (TicketDelivery & { kind: HttpTicketApiKind; url: string; tokenSecretId: string })
  | (TicketDelivery & { kind: 'mail'; mail: TicketMailSettings });

export interface BounceConfig {
  bucket: string;
  incomingPrefix: string;
  originalsPrefix: string;
  idempotencyTable: string;
  ticketApi: TicketApiConfig;
  links: { keySecretId: string; viewerBaseUrl: string; expiryDays: number };
  /** Kinds of mail that get a ticket; the others are recorded and counted only. */
  ticketKinds: readonly MessageKind[];
  /** Tickets an hour at most (UTC hours); past it bounces are stored and counted, with one summary ticket. */
  ticketBudgetPerHour: number;
  /** Forged bounces: which bounces are tied to a message we sent (docs/forged-bounces.md); none set: all trusted. */
  trust: {
    messageIdDomains: readonly string[];
    /** Domains whose DKIM signature on the returned original vouches for it (TRUSTED_DKIM_DOMAINS). */
    dkimDomains: readonly string[];
    verpKeySecretId?: string;
    /** Whether an untrusted bounce still gets a ticket (marked untrusted). */
    ticketUntrusted: boolean;
  };
}

export const BOUNCE_DEFAULTS = {
  incomingPrefix: 'incoming/',
  originalsPrefix: 'originals/',
  linkExpiryDays: 30,
  ticketKinds: ['bounce', 'delay', 'feedback'] as readonly MessageKind[],
  ticketTimeoutMs: 10_000,
  ticketMaxAttempts: 4,
  ticketBudgetPerHour: 100,
} as const;

type Env = Readonly<Record<string, string | undefined>>;

export function bounceConfigFromEnv(env: Env): BounceConfig {
  return {
    bucket: required(env, 'BUCKET_NAME'),
    incomingPrefix: optional(env, 'INCOMING_PREFIX') ?? BOUNCE_DEFAULTS.incomingPrefix,
    originalsPrefix: optional(env, 'ORIGINALS_PREFIX') ?? BOUNCE_DEFAULTS.originalsPrefix,
    idempotencyTable: required(env, 'IDEMPOTENCY_TABLE'),
    ticketApi: ticketApiFromEnv(env),
    links: {
      keySecretId: required(env, 'LINK_KEY_SECRET_ID'),
      viewerBaseUrl: parseUrl('VIEWER_BASE_URL', required(env, 'VIEWER_BASE_URL')).replace(/\/+$/, ''),
      expiryDays: parseNumber('LINK_EXPIRY_DAYS', env.LINK_EXPIRY_DAYS, BOUNCE_DEFAULTS.linkExpiryDays),
    },
    ticketKinds: parseTicketKinds(env.TICKET_KINDS),
    ticketBudgetPerHour: parseNumber(
      'TICKET_BUDGET_PER_HOUR',
      env.TICKET_BUDGET_PER_HOUR,
      BOUNCE_DEFAULTS.ticketBudgetPerHour,
      { integer: true },
    ),
    trust: trustConfigFromEnv(env),
  };
}

function ticketApiFromEnv(env: Env): TicketApiConfig {
  const kind = parseTicketApiKind(env.TICKET_API_KIND);
  const delivery: TicketDelivery = {
    timeoutMs: parseNumber('TICKET_TIMEOUT_MS', env.TICKET_TIMEOUT_MS, BOUNCE_DEFAULTS.ticketTimeoutMs),
    maxAttempts: parseNumber(
      'TICKET_MAX_ATTEMPTS',
      env.TICKET_MAX_ATTEMPTS,
      BOUNCE_DEFAULTS.ticketMaxAttempts,
      { integer: true },
    ),
  };
  if (kind === 'mail') return { kind, ...delivery, mail: ticketMailFromEnv(env) };
  return {
    kind,
    ...delivery,
    url: parseUrl('TICKET_API_URL', required(env, 'TICKET_API_URL')),
    tokenSecretId: required(env, 'TICKET_TOKEN_SECRET_ID'),
  };
}

const ADDRESS =
  /^[^@\s<>"]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

function ticketMailFromEnv(env: Env): TicketMailSettings {
  const address = (name: string) => {
    const value = required(env, name);
    if (!ADDRESS.test(value)) throw new BounceConfigError(name, `"${value}" is not an e-mail address`);
    return value;
  };
  const marker = env.TICKET_MAIL_SUBJECT_MARKER;
  return {
    to: address('TICKET_MAIL_TO'),
    from: address('TICKET_MAIL_FROM'),
    // Set but empty: no marker at all.
    subjectMarker: marker === undefined ? DEFAULT_SUBJECT_MARKER : marker.replace(/\s+/g, ' ').trim(),
    autoSubmitted: parseBoolean('TICKET_MAIL_AUTO_SUBMITTED', env.TICKET_MAIL_AUTO_SUBMITTED, false),
  };
}

function trustConfigFromEnv(env: Env): BounceConfig['trust'] {
  const verpKeySecretId = optional(env, 'VERP_KEY_SECRET_ID');
  return {
    messageIdDomains: parseDomains('TRUSTED_MESSAGE_ID_DOMAINS', env.TRUSTED_MESSAGE_ID_DOMAINS),
    dkimDomains: parseDomains('TRUSTED_DKIM_DOMAINS', env.TRUSTED_DKIM_DOMAINS),
    ...(verpKeySecretId ? { verpKeySecretId } : {}),
    ticketUntrusted: parseBoolean('TICKET_UNTRUSTED', env.TICKET_UNTRUSTED, false),
  };
}

const DOMAIN =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A comma list of domains, lower-cased; a leading `@` or `.` is dropped. */
function parseDomains(name: string, value: string | undefined): readonly string[] {
  const domains = (value ?? '')
    .split(',')
    .map((d) => d.trim().toLowerCase().replace(/^[@.]/, ''))
    .filter((d) => d !== '');
  for (const domain of domains) {
    if (!DOMAIN.test(domain)) throw new BounceConfigError(name, `"${domain}" is not a domain name`);
  }
  return domains;
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  const text = value?.trim().toLowerCase();
  if (!text) return fallback;
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw new BounceConfigError(name, `must be true or false, not "${value}"`);
}

export function parseTicketKinds(value: string | undefined): readonly MessageKind[] {
  if (value === undefined || value.trim() === '') return BOUNCE_DEFAULTS.ticketKinds;
  const kinds = value
    .split(',')
    .map((kind) => kind.trim())
    .filter((kind) => kind !== '');
  for (const kind of kinds) {
    if (!(MESSAGE_KINDS as readonly string[]).includes(kind)) {
      throw new BounceConfigError('TICKET_KINDS', `"${kind}" is not one of ${MESSAGE_KINDS.join(', ')}`);
    }
  }
  return kinds as MessageKind[];
}

function parseTicketApiKind(value: string | undefined): TicketApiKind {
  const kind = value?.trim() || 'generic';
  if ((TICKET_API_KINDS as readonly string[]).includes(kind)) return kind as TicketApiKind;
  throw new BounceConfigError(
    'TICKET_API_KIND',
    `must be one of ${TICKET_API_KINDS.join(', ')}, not "${kind}"`,
  );
}

function parseUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw new BounceConfigError(name, `not a URL: "${value}"`, { cause: error });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new BounceConfigError(name, `must be an http(s) URL, not "${value}"`);
  }
  return value;
}

function parseNumber(
  name: string,
  value: string | undefined,
  fallback: number,
  options: { integer?: boolean } = {},
): number {
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || (options.integer && !Number.isInteger(number))) {
    const what = options.integer ? 'a positive whole number' : 'a positive number';
    throw new BounceConfigError(name, `must be ${what}, not "${value}"`);
  }
  return number;
}

function required(env: Env, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new BounceConfigError(name, 'is required');
  return value;
}

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}
