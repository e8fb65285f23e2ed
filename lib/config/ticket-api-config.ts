// The ticket system's part of the configuration (see bounce-doctor-config.ts), in the contract's shape:
// a system reached over HTTP with a token (`generic`, `zendesk`, …) or `mail` through SES to the
// helpdesk's inbound address. The kinds are the contract's registry of ticket systems.
import type { TicketApiConfig, TicketMailSettings } from '../../lambda/contracts/bounce.ts';
import type { DeployKey } from '../../lambda/contracts/deployment.ts';
import { isHttpTicketSystem, TICKET_SYSTEM_KINDS } from '../../lambda/contracts/ticket-systems.ts';
import { mailAddress } from '../../lambda/contracts/values.ts';
import { type ContextReader, contextError } from './context-reader.ts';

/** Local parts helpdesks treat as a robot's and suspend (Zendesk: "Email from 'noreply' address"). */
const NO_REPLY = /^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer-daemon|postmaster)(?:[+@]|$)/i;
const MAX_MARKER_CHARS = 100;

export function readTicketApi(context: ContextReader, receiving: readonly string[]): TicketApiConfig {
  const kind = context.text('ticketApi.kind', TICKET_SYSTEM_KINDS);
  const delivery = {
    timeoutMs: context.integer('ticketApi.timeoutMs'),
    maxAttempts: context.integer('ticketApi.maxAttempts'),
    budgetPerHour: context.integer('ticketApi.budgetPerHour'),
  };
  if (!isHttpTicketSystem(kind)) return { kind, ...delivery, mail: readMail(context, receiving) };
  return {
    kind,
    ...delivery,
    url: context.httpsUrl(
      'ticketApi.url',
      'where tickets are POSTed, e.g. https://acme.zendesk.com/api/v2/tickets.json',
    ),
    tokenSecretId: context.secretName(
      'ticketApi.tokenSecretName',
      'the Secrets Manager secret with the API token',
    ),
  };
}

function readMail(context: ContextReader, receiving: readonly string[]): TicketMailSettings {
  const to = address(context, 'ticketApi.to', "the helpdesk's inbound address, e.g. support@acme.example");
  const from = address(context, 'ticketApi.from', 'the sender, a verified SES identity');
  if (NO_REPLY.test(from)) {
    throw contextError(
      'ticketApi.from',
      `helpdesks suspend or drop mail from "${from}" (a no-reply or system address): use an address such as bounce-doctor@…`,
    );
  }
  if (to.toLowerCase() === from.toLowerCase()) {
    throw contextError(
      'ticketApi.to',
      'must differ from ticketApi.from: the helpdesk would see its own address',
    );
  }
  const received = receiving.find((recipient) => receives(recipient, to));
  if (received) {
    throw contextError(
      'ticketApi.to',
      `"${to}" is received by this stack (receiving.recipients "${received}"): the ticket mail would come back to bounce-doctor`,
    );
  }
  const subjectMarker = marker(context);
  return {
    to,
    from,
    ...(subjectMarker !== undefined ? { subjectMarker } : {}),
    autoSubmitted: context.boolean('ticketApi.autoSubmitted'),
  };
}

function address(context: ContextReader, key: DeployKey, what: string): string {
  return mailAddress(key, context.string(key, `${what} (ticketApi.kind is mail)`), { source: 'cdk.json' });
}

/** Unset: the handler's default; "" (or spaces): no marker. */
function marker(context: ContextReader): string | undefined {
  if (context.raw('ticketApi.subjectMarker') === undefined) return undefined;
  const value = context.optionalString('ticketApi.subjectMarker') ?? '';
  if ([...value].length > MAX_MARKER_CHARS || /[\r\n]/.test(value)) {
    throw contextError(
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
