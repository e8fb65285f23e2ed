// What a ticket about one bounce holds, before any ticket system's format: drafted by ticket-draft.ts,
// written out by ticket-text.ts, sent by the ticket systems (lambda/adapters/tickets/systems/).
import type { Category } from '../diagnosis/categories.ts';
import type { LocalText } from '../diagnosis/reasons.ts';
import type { SesVerdicts } from '../ses/verdicts.ts';
import type { TrustVerdict } from '../trust/trust.ts';
import type { MessageKind, OriginalMessage, Reason, RecipientResult } from '../types.ts';

/** Put before the title of a bounce that could not be tied to a message we sent. */
export const UNTRUSTED_MARK = '[untrusted]';

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
  /** Whether the bounce was tied to a message we sent (docs/forged-bounces.md); `not-checked` when no trust setting is configured. */
  trust: TrustVerdict;
  bounce: { subject: string; from: string; date?: string; receivedAt?: string; decodedBy: string };
  tags: string[];
  /** The whole ticket as plain text (ja and en), for systems that take one text. */
  body: string;
}

/** The ticket without its text body: what the body is written from. */
export type TicketFields = Omit<TicketDraft, 'body'>;
