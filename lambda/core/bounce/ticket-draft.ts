// The ticket one bounce becomes, before any ticket system's format: title `[<category>] <original
// subject>`, the recipients and the server's words, the ja+en diagnosis, the links, SES's verdicts.
import type { Category } from '../diagnosis/categories.ts';
import type { Diagnosis } from '../diagnosis/diagnose.ts';
import type { LocalText } from '../diagnosis/reasons.ts';
import type { BounceReport, MessageKind, OriginalMessage, Reason, RecipientResult } from '../types.ts';
import { ticketBodyText } from './ticket-text.ts';
import type { TrustBasis, TrustProblem, TrustVerdict } from './trust.ts';
import { plainLine } from './untrusted-text.ts';
import type { SesVerdicts } from './verdicts.ts';

export interface TicketLinks {
  /** The viewer link to the stored original; absent when the bounce did not return it. */
  original?: string;
  /** The viewer link to the raw bounce as SES stored it. */
  rawBounce: string;
  /** When both links stop working (ISO 8601). */
  expiresAt: string;
}

/**
 * A recipient as a ticket shows it: the report's facts, each mail-derived one on one line (plainLine),
 * the server's words cut at 2,000 characters.
 */
export type TicketRecipient = Pick<
  RecipientResult,
  | 'address'
  | 'action'
  | 'status'
  | 'replyCode'
  | 'reason'
  | 'hardBounce'
  | 'diagnosticCode'
  | 'remoteMta'
  | 'command'
  | 'carrier'
>;

/** The returned original as a ticket describes it: its headers, not its bytes. */
export type TicketOriginal = Omit<OriginalMessage, 'raw'>;

/** Whether the bounce was tied to a message we sent (docs/forged-bounces.md). */
export interface TicketTrust {
  trusted: boolean;
  /** How it was tied: `not-checked` when no trust setting is configured. */
  by?: TrustBasis;
  /** Why it could not be tied, when untrusted. */
  problems?: TrustProblem[];
}

export interface TicketDraft {
  sesMessageId: string;
  title: string;
  kind: MessageKind;
  category: Category;
  reason: Reason;
  summary: LocalText;
  remedy: LocalText;
  recipients: TicketRecipient[];
  original: TicketOriginal | null;
  links: TicketLinks;
  verdicts: SesVerdicts;
  trust: TicketTrust;
  bounce: { subject: string; from: string; date?: string; receivedAt?: string; decodedBy: string };
  tags: string[];
  /** The whole ticket as plain text (ja and en), for systems that take one text. */
  body: string;
}

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

/** Put before the title of a bounce that could not be tied to a message we sent. */
export const UNTRUSTED_MARK = '[untrusted]';

const MAX_TITLE_CHARS = 200;
const MAX_WORDS_CHARS = 2_000;

export function buildTicketDraft(input: TicketInput): TicketDraft {
  const { report, diagnosis } = input;
  const original = originalOf(report);
  const trust = ticketTrust(input.trust);
  const title = ticketTitle(diagnosis.category, report);
  const fields: Omit<TicketDraft, 'body'> = {
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

function ticketTrust(verdict: TrustVerdict | undefined): TicketTrust {
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
