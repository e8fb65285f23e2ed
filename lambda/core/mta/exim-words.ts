// Exim's own explanations of a failure (used by Exim-based providers such as Mail.ru and GMX), and
// what each one means. These are the MTA's words, not a remote server's.
import type { Reason } from '../types.ts';

const EXPLANATIONS: ReadonlyArray<[string, Reason]> = [
  ['retry timeout exceeded', 'expired'],
  ['no action is required on your part', 'expired'],
  ['all host address lookups failed permanently', 'hostunknown'],
  ['all relevant mx records point to non-existent hosts', 'hostunknown'],
  ['unrouteable address', 'hostunknown'],
  ['an mx or srv record indicated no smtp service', 'notaccept'],
  ['no host found for existing smtp connection', 'notaccept'],
  ['delivery to file forbidden', 'systemerror'],
  ['delivery to pipe forbidden', 'systemerror'],
  ['local delivery failed', 'systemerror'],
  ['too many "received" headers', 'contenterror'],
];

/** The reason Exim's own explanation names, when the text is one. */
export function eximExplanationReason(text: string): Reason | undefined {
  const lower = text.slice(0, 2000).toLowerCase();
  return EXPLANATIONS.find(([phrase]) => lower.includes(phrase))?.[1];
}

const COMMANDS: ReadonlyArray<[RegExp, string]> = [
  [/\bafter (?:the )?end of data\b/i, 'DATA'],
  [/\bafter (?:the )?initial connection\b/i, 'CONN'],
  [/\b(?:after|for) (RCPT|MAIL|DATA|EHLO|HELO|STARTTLS|AUTH|BDAT)\b/i, ''],
  [/\bafter pipelined (RCPT|MAIL|DATA)\b/i, ''],
];

/** The command in Exim's "SMTP error from remote mail server after RCPT TO:<...>:" line (or "for RCPT TO command"). */
export function eximCommand(line: string): string {
  for (const [pattern, fixed] of COMMANDS) {
    const m = pattern.exec(line);
    if (m) return fixed || (m[1] ?? '').toUpperCase();
  }
  return '';
}

/** Exim's delay warnings ("has not yet been delivered ... No action is required on your part"). */
export const EXIM_DELAY =
  /\bhas not yet been delivered to one or more of its recipients\b|^No action is required on your part\b/im;
