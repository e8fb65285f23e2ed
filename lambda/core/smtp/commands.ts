// The SMTP command a server's reply answered: named in a notice's words ("in reply to RCPT TO"), or
// sent in a session transcript (">>> RCPT TO:<a@b>" / "<<< 550 ...").
import { MATCH_LIMIT } from '../text.ts';

const COMMAND_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/in reply to (?:the )?end of data/i, 'DATA'],
  [/in reply to (?:the )?(rcpt to|mail from|data|helo|ehlo|starttls|auth|bdat|quit)\b/i, ''],
  [/>>> (rcpt|mail|data|helo|ehlo|starttls|auth|bdat)\b/i, ''],
  [/\bafter (?:the )?(?:end of data|data (?:block|transmission)|message was sent)/i, 'DATA'],
  [/\bafter (?:the )?(rcpt to|mail from|data|helo|ehlo|starttls|auth|bdat|quit)\b/i, ''],
  [/\b(?:during|in response to|on) (?:the )?(rcpt to|mail from|data|helo|ehlo|starttls)\b/i, ''],
  // Postfix (smtp_proto.c) words a refusing greeting "host ... refused to talk to me: 554 ...".
  [
    /\bconnection (?:refused|timed out)|\bconnect to .+: |no route to host|greeting|refused to talk to me/i,
    'CONN',
  ],
];

/** The SMTP command a text says was answered with the error ("RCPT", "DATA", ...), or "". */
export function findCommand(text: string): string {
  const sample = text.slice(0, MATCH_LIMIT);
  for (const [pattern, fixed] of COMMAND_PATTERNS) {
    const m = pattern.exec(sample);
    if (m) return fixed || normalizeCommand(m[1] ?? '');
  }
  return '';
}

/** A command as a notice or a transcript writes it ("rcpt to", "(initial greeting)") → "RCPT", "CONN". */
export function normalizeCommand(word: string): string {
  const upper = word.trim().toUpperCase();
  // Courier's transcript names the greeting ">>> (initial greeting)".
  if (upper.startsWith('(INITIAL')) return 'CONN';
  if (upper.startsWith('RCPT')) return 'RCPT';
  if (upper.startsWith('MAIL')) return 'MAIL';
  return upper.split(/\s/)[0] ?? '';
}

/**
 * The SMTP command a transcript line sent (">>> RCPT TO:<a@b>" → "RCPT"), or "" for another line.
 * Courier 1.0 indents its session lines by one space (" >>> RCPT TO:<a@b>").
 */
export function sentCommand(line: string): string {
  const sent = /^[ \t]?>>> ?(\S+(?: (?:TO|FROM))?)/i.exec(line);
  return sent ? normalizeCommand(sent[1] ?? '') : '';
}

/** The reply a transcript line received ("<<< 550 5.1.1 ..." → "550 5.1.1 ..."), or undefined. */
export function receivedReply(line: string): string | undefined {
  return /^[ \t]?<<< ?(.*)$/.exec(line)?.[1];
}
