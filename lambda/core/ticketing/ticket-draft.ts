// The ticket one bounce becomes, before any ticket system's format: title `[<category>] <original
// subject>`, the recipients and the server's words, the ja+en diagnosis, the links, SES's verdicts.
import type { Category } from '../diagnosis/categories.ts';
import type { Diagnosis } from '../diagnosis/diagnose.ts';
import type { SesVerdicts } from '../ses/verdicts.ts';
import type { TrustVerdict } from '../trust/trust.ts';
import type { BounceReport, RecipientResult } from '../types.ts';
import {
  type TicketDraft,
  type TicketFields,
  type TicketLinks,
  type TicketOriginal,
  type TicketRecipient,
  UNTRUSTED_MARK,
} from './ticket.ts';
import { ticketBodyText } from './ticket-text.ts';
import { plainLine } from './untrusted-text.ts';

export interface TicketInput {
  sesMessageId: string;
  receivedAt?: string;
  report: BounceReport;
  diagnosis: Diagnosis;
  verdicts: SesVerdicts;
  links: TicketLinks;
  /** The trust verdict; absent means not checked (trusted). */
  trust?: TrustVerdict;
}

const MAX_TITLE_CHARS = 200;
const MAX_WORDS_CHARS = 2_000;

export function buildTicketDraft(input: TicketInput): TicketDraft {
  const { report, diagnosis } = input;
  const original = originalOf(report);
  const trust = ticketTrust(input.trust);
  const title = ticketTitle(diagnosis.category, report);
  const fields: TicketFields = {
    sesMessageId: input.sesMessageId,
    title: trust.trusted ? title : `${UNTRUSTED_MARK} ${title}`,
    kind: report.kind,
    category: diagnosis.category,
    reason: diagnosis.reason,
    summary: diagnosis.summary,
    remedy: diagnosis.remedy,
    recipients: report.recipients.map(ticketRecipient),
    original,
    links: input.links,
    verdicts: input.verdicts,
    trust,
    bounce: {
      subject: plainLine(report.bounce.subject),
      from: plainLine(report.bounce.from),
      ...(report.bounce.date ? { date: plainLine(report.bounce.date) } : {}),
      ...(input.receivedAt ? { receivedAt: input.receivedAt } : {}),
      decodedBy: report.decodedBy,
    },
    tags: [
      'bounce-doctor',
      report.kind,
      diagnosis.category,
      diagnosis.reason,
      ...(trust.trusted ? [] : ['untrusted']),
    ],
  };
  return { ...fields, body: ticketBodyText(fields) };
}

/** `[<category>] <original subject>`; without a returned original, the first recipient stands in. */
export function ticketTitle(category: Category, report: BounceReport): string {
  const subject = report.original
    ? plainLine(report.original.subject) || '(no subject)'
    : `(original not returned) ${plainLine(report.recipients[0]?.address ?? '')}`.trim();
  return plainLine(`[${category}] ${subject}`, MAX_TITLE_CHARS);
}

function ticketTrust(verdict: TrustVerdict | undefined): TrustVerdict {
  if (!verdict) return { trusted: true, by: 'not-checked' };
  return verdict.trusted ? { trusted: true, by: verdict.by } : { trusted: false, problems: verdict.problems };
}

function ticketRecipient(r: RecipientResult): TicketRecipient {
  return {
    address: plainLine(r.address),
    action: r.action,
    status: plainLine(r.status),
    replyCode: plainLine(r.replyCode),
    reason: r.reason,
    hardBounce: r.hardBounce,
    diagnosticCode: plainLine(r.diagnosticCode, MAX_WORDS_CHARS),
    remoteMta: plainLine(r.remoteMta),
    command: plainLine(r.command),
    ...(r.carrier ? { carrier: r.carrier } : {}),
  };
}

function originalOf(report: BounceReport): TicketOriginal | null {
  const original = report.original;
  if (!original) return null;
  return {
    subject: plainLine(original.subject),
    ...(original.messageId ? { messageId: plainLine(original.messageId) } : {}),
    ...(original.references ? { references: original.references } : {}),
    ...(original.from ? { from: plainLine(original.from) } : {}),
    ...(original.to ? { to: original.to.map((address) => plainLine(address)) } : {}),
    ...(original.date ? { date: plainLine(original.date) } : {}),
    headersOnly: original.headersOnly,
  };
}
