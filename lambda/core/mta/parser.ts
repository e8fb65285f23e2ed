// The contract every bounce-format parser fulfils.
import type { MailView } from '../mail/read-mail.ts';
import type { Reason } from '../types.ts';

/** What a format parser learned about one recipient, before classification. */
export interface ParsedRecipient {
  address: string;
  action?: string;
  /** RFC 3463 enhanced status code as given by the bounce. */
  status?: string;
  replyCode?: string;
  /** The remote server's words (or the MTA's own explanation). */
  diagnosticCode?: string;
  /** Diagnostic-Code type, lower-cased: "smtp", "x-unix", ... */
  diagnosticType?: string;
  remoteMta?: string;
  /** The MTA that wrote the report (DSN Reporting-MTA): a relay or gateway may word the failure itself. */
  reportingMta?: string;
  /** SMTP command answered with the error: "CONN", "HELO", "EHLO", "MAIL", "RCPT", "DATA", ... */
  command?: string;
  /**
   * The format never records the command (OpenSMTPD's notice and DSN, for every stage): a missing
   * command is then no evidence that the reply came after DATA.
   */
  commandUnrecorded?: boolean;
  lastAttemptAt?: string;
  /** The format's own verdict, when its wording names the reason unambiguously. */
  reason?: Reason;
  feedbackType?: string;
}

export interface ParsedBounce {
  /** Set by parsers of messages that are not failure reports. */
  kind?: 'auto-reply' | 'feedback';
  recipients: ParsedRecipient[];
  /** The returned original, when it is quoted in the text rather than attached. */
  quotedOriginal?: string;
  warnings?: string[];
}

export interface BounceParser {
  /** Short id, reported as `decodedBy`; the parser's file name. */
  readonly id: string;
  /** Reads the mail, or returns null when the mail is not in this format. Starts with a cheap guard; never throws. */
  parse(mail: MailView): ParsedBounce | null;
}
