// Settles a recipient's codes once, whatever parser read it: the server's words unfolded, the most
// specific status, and a reply code that agrees with it.
import { squeeze } from '../text.ts';
import { findStatus, statusesIn } from './codes.ts';
import { joinReplyLines } from './replies.ts';

export interface SettledCodes {
  diagnosticCode: string;
  status: string;
  replyCode: string;
}

/** What a format parser read of a recipient's failure, each part possibly missing. */
export interface ReadCodes extends Partial<SettledCodes> {
  command?: string;
}

export function settleCodes(recipient: ReadCodes): SettledCodes {
  const diagnosticCode = joinReplyLines(squeeze(recipient.diagnosticCode ?? ''));
  let replyCode = recipient.replyCode ?? '';
  const status = statusOfReplyCode(
    specificStatus(recipient.status ?? '', diagnosticCode),
    replyCode,
    recipient.command ?? '',
  );
  // "Status: 4.0.0" with "554 ..." in the words: the two describe different attempts; keep the status.
  if (status && replyCode && status[0] !== replyCode[0]) replyCode = '';
  return { diagnosticCode, status, replyCode };
}

/**
 * Reply codes whose meaning for a recipient RFC 3463 has a status for: 551 "user not local; please
 * try <forward-path>" (RFC 5321) is X.1.6 "destination mailbox has moved" (Sendmail's smtptodsn()
 * maps them alike). They stand for the status when the bounce gives none, or only a generic one, and
 * the reply answered a recipient (RCPT TO, or DATA, which pipelining shows for it, or no command
 * known): servers give 551 to refused senders and logins too.
 */
const STATUS_OF_REPLY_CODE: Readonly<Record<string, string>> = { '551': '5.1.6' };
const OF_A_RECIPIENT = new Set(['RCPT', 'DATA', '']);

function statusOfReplyCode(status: string, replyCode: string, command: string): string {
  const named = STATUS_OF_REPLY_CODE[replyCode];
  return named && (!status || status === '5.0.0') && OF_A_RECIPIENT.has(command) ? named : status;
}

/**
 * The status in the server's own words is the most specific fact: it wins over the delivery-status
 * field (often the MTA's summary, like 4.4.7 or 5.0.0) when both are of the same class, unless the
 * field's code is itself one of the codes in the words (a relay's summary quoting the server's reply).
 */
function specificStatus(status: string, diagnostic: string): string {
  const inWords = findStatus(diagnostic);
  if (!inWords || (status && inWords.endsWith('.0.0'))) return status;
  if (!status) return inWords;
  // A field of the other class that names no fault ("5.0.0" after a "451 4.7.650 ..." the MTA kept
  // retrying until it gave up, as Courier writes it) says only that the delivery ended.
  if (inWords[0] !== status[0] && status.endsWith('.0.0')) return inWords;
  if (inWords[0] !== status[0] || statusesIn(diagnostic).includes(status)) return status;
  return inWords;
}
