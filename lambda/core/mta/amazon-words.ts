// Amazon SES and WorkMail wrap the remote server's reply in their own summary:
// "5.1.0 - Unknown address error 550-'5.2.2 <a@b>... Mailbox Full' (delivery attempts: 0)",
// "554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>".
// The codes of the server's own reply are the ones that tell what happened.

import { betterStatus } from '../dsn/recipients.ts';
import { findSmtpReplyCode, findStatus } from '../smtp/codes.ts';
import { MATCH_LIMIT } from '../text.ts';
import type { ParsedRecipient } from './parser.ts';

const QUOTED_REPLY = /\b([245]\d\d)[ -]'([^']{1,1000})'/;
const ANGLED_REPLY = /<([245]\d\d[ -][^<>]{1,1000})>/;
const ATTEMPTS = /\s*\(delivery attempts: \d+\)\s*$/i;

/** The remote server's reply inside an Amazon summary, or "" when the text is the reply itself. */
export function innerReply(diagnostic: string): string {
  const sample = diagnostic.slice(0, MATCH_LIMIT);
  const quoted = QUOTED_REPLY.exec(sample);
  if (quoted) return `${quoted[1]} ${quoted[2]}`;
  return ANGLED_REPLY.exec(sample)?.[1] ?? '';
}

/** Sets a recipient's status and reply code from the server's own reply; drops Amazon's boilerplate. */
export function preferInnerReply(r: ParsedRecipient): void {
  const diagnostic = (r.diagnosticCode ?? '').replace(ATTEMPTS, '');
  r.diagnosticCode = diagnostic;
  const inner = innerReply(diagnostic);
  const status = findStatus(inner) || betterStatus(r.status ?? '', diagnostic);
  r.status = status;
  r.replyCode = findSmtpReplyCode(inner, status) || findSmtpReplyCode(diagnostic, status);
}
