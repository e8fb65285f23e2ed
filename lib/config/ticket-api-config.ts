// The ticket system's part of the configuration (see bounce-doctor-config.ts): an API reached over HTTP
// with a token (`generic`, `zendesk`), or `mail` through SES to the helpdesk's inbound address.
import { ADDRESS, ConfigError, type ContextReader } from './context-reader.ts';

/** The bounce handler's ticket systems (lambda/core/bounce/config.ts). */
export const TICKET_API_KINDS = ['generic', 'zendesk', 'mail'] as const;

interface TicketDeliveryConfig {
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  /** Tickets an hour at most; past it bounces are stored and counted, with one summary ticket. */
  readonly budgetPerHour: number;
}

export interface HttpTicketApiConfig extends TicketDeliveryConfig {
  readonly kind: 'generic' | 'zendesk';
  readonly url: string;
  readonly tokenSecretName: string;
}

export interface MailTicketApiConfig extends TicketDeliveryConfig {
  readonly kind: 'mail';
  /** The helpdesk's inbound address. */
  readonly to: string;
  /** The sender, a verified SES identity (the address or its domain). */
  readonly from: string;
  /** After the subject, `{category}` standing for the category; "" for none. @default - the handler's */
  readonly subjectMarker?: string;
  readonly autoSubmitted: boolean;
}

export type TicketApiConfig = HttpTicketApiConfig | MailTicketApiConfig;

/** Local parts helpdesks treat as a robot's and suspend (Zendesk: "Email from 'noreply' address"). */
const NO_REPLY = /^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer-daemon|postmaster)(?:[+@]|$)/i;
const MAX_MARKER_CHARS = 100;

export function readTicketApi(context: ContextReader, receiving: readonly string[]): TicketApiConfig {
  const kind = context.oneOf('ticketApi.kind', TICKET_API_KINDS, 'generic');
  const delivery: TicketDeliveryConfig = {
    timeoutMs: context.integer('ticketApi.timeoutMs', 10_000, { min: 1000, max: 60_000 }),
    maxAttempts: context.integer('ticketApi.maxAttempts', 4, { min: 1, max: 10 }),
    budgetPerHour: context.integer('ticketApi.budgetPerHour', 100, { min: 1, max: 100_000 }),
  };
  if (kind === 'mail') return { kind, ...delivery, ...readMail(context, receiving) };
  return {
    kind,
    ...delivery,
    url: context.httpsUrl(
      'ticketApi.url',
      'where tickets are POSTed, e.g. https://acme.zendesk.com/api/v2/tickets.json',
    ),
    tokenSecretName: context.secretName(
      'ticketApi.tokenSecretName',
      'the Secrets Manager secret with the API token',
    ),
  };
}

function readMail(
  context: ContextReader,
  receiving: readonly string[],
): Omit<MailTicketApiConfig, 'kind' | keyof TicketDeliveryConfig> {
  const to = address(context, 'ticketApi.to', "the helpdesk's inbound address, e.g. support@acme.example");
  const from = address(context, 'ticketApi.from', 'the sender, a verified SES identity');
  if (NO_REPLY.test(from)) {
    throw new ConfigError(
      'ticketApi.from',
      `helpdesks suspend or drop mail from "${from}" (a no-reply or system address): use an address such as bounce-doctor@…`,
    );
  }
  if (to.toLowerCase() === from.toLowerCase()) {
    throw new ConfigError(
      'ticketApi.to',
      'must differ from ticketApi.from: the helpdesk would see its own address',
    );
  }
  const received = receiving.find((recipient) => receives(recipient, to));
  if (received) {
    throw new ConfigError(
      'ticketApi.to',
      `"${to}" is received by this stack (receiving.recipients "${received}"): the ticket mail would come back to bounce-doctor`,
    );
  }
  const subjectMarker = marker(context);
  return {
    to,
    from,
    ...(subjectMarker !== undefined ? { subjectMarker } : {}),
    autoSubmitted: context.boolean('ticketApi.autoSubmitted', false),
  };
}

function address(context: ContextReader, key: string, what: string): string {
  const value = context.string(key, `${what} (ticketApi.kind is mail)`);
  if (!ADDRESS.test(value)) throw new ConfigError(key, `must be an e-mail address, not "${value}"`);
  return value;
}

/** Unset: the handler's default; "" (or spaces): no marker. */
function marker(context: ContextReader): string | undefined {
  if (context.raw('ticketApi.subjectMarker') === undefined) return undefined;
  const value = context.optionalString('ticketApi.subjectMarker') ?? '';
  if ([...value].length > MAX_MARKER_CHARS || /[\r\n]/.test(value)) {
    throw new ConfigError(
      'ticketApi.subjectMarker',
      `must be one line of at most ${MAX_MARKER_CHARS} characters, e.g. "[bounce: {category}]"`,
    );
  }
  return value;
}

/** Whether a receiving.recipients entry (an address, a domain, or `.domain` for its subdomains) takes mail for `to`. */
function receives(recipient: string, to: string): boolean {
  const entry = recipient.toLowerCase();
  const address = to.toLowerCase();
  const domain = address.slice(address.lastIndexOf('@') + 1);
  if (entry.includes('@')) return entry === address;
  if (entry.startsWith('.')) return domain.endsWith(entry);
  return domain === entry;
}
