// The report the decoder returns, and the vocabulary it is written in.
import { MESSAGE_KINDS, type MessageKind } from '../contracts/message-kinds.ts';

/** Bounce reasons: Sisimai 5's names, the de-facto vocabulary of bounce analysis. */
export const REASONS = [
  'authfailure',
  'badreputation',
  'blocked',
  'contenterror',
  'delivered',
  'exceedlimit',
  'expired',
  'failedstarttls',
  'feedback',
  'filtered',
  'hasmoved',
  'hostunknown',
  'mailboxfull',
  'mailererror',
  'mesgtoobig',
  'networkerror',
  'norelaying',
  'notaccept',
  'notcompliantrfc',
  'onhold',
  'policyviolation',
  'rejected',
  'requireptr',
  'securityerror',
  'spamdetected',
  'speeding',
  'suppressed',
  'suspend',
  'syntaxerror',
  'systemerror',
  'systemfull',
  'toomanyconn',
  'undefined',
  'userunknown',
  'vacation',
  'virusdetected',
] as const;
export type Reason = (typeof REASONS)[number];

// The kinds of mail are the settings contract's too (which kinds get a ticket): written there once.
export { MESSAGE_KINDS, type MessageKind };

export const ACTIONS = ['failed', 'delayed', 'delivered', 'relayed', 'expanded', ''] as const;
export type Action = (typeof ACTIONS)[number];

/** Japanese mobile carriers whose users commonly filter mail by sender domain. */
export const CARRIERS = ['docomo', 'au', 'softbank', 'rakuten', 'ymobile', 'uqmobile'] as const;
export type Carrier = (typeof CARRIERS)[number];

export interface RecipientResult {
  /** Lower-cased final recipient. */
  address: string;
  action: Action;
  /** RFC 3463 enhanced status code, e.g. "5.1.1"; derived from the reason when the bounce gives none. */
  status: string;
  /** SMTP reply code, e.g. "550"; "" when absent. */
  replyCode: string;
  reason: Reason;
  /** The address is bad for good (unknown user or domain, moved). */
  hardBounce: boolean;
  /** The remote server's own words, unfolded. */
  diagnosticCode: string;
  remoteMta: string;
  /** The SMTP command that was answered with the error, e.g. "RCPT"; "" when unknown. */
  command: string;
  lastAttemptAt?: string;
  carrier?: Carrier;
  /** ARF Feedback-Type, on `feedback` recipients only. */
  feedbackType?: string;
  /** What was missing when the reason could not be decided (reason `undefined` or `onhold`). */
  whyUndecided?: string;
}

export interface OriginalMessage {
  /** Decoded subject (ISO-2022-JP, UTF-8, ...): the ticket's title. */
  subject: string;
  messageId?: string;
  /** The well-formed message ids of its References header, in order: the conversation it belongs to. */
  references?: string[];
  from?: string;
  to?: string[];
  date?: string;
  /** Only the headers came back (text/rfc822-headers, or headers quoted in a text bounce). */
  headersOnly: boolean;
  /** Exactly the returned bytes, to be stored as `<subject>.eml`. */
  raw: Uint8Array;
}

export interface BounceReport {
  kind: MessageKind;
  /** Id of the format parser that read the bounce, e.g. "postfix", "rfc3464"; "" for a non-bounce. */
  decodedBy: string;
  /** In the order they appear in the bounce. */
  recipients: RecipientResult[];
  original?: OriginalMessage;
  /** The bounce's own headers, for logs and tickets. */
  bounce: { subject: string; from: string; messageId?: string; date?: string };
  warnings: string[];
}
