// Settles a recipient's codes once, whatever parser read it: the server's words unfolded, the most
// specific status, and a reply code that agrees with it.
import type { ParsedRecipient } from './mta/parser.ts';
import { findStatus, joinReplyLines, squeeze, statusesIn } from './text.ts';

export interface SettledCodes {
  diagnosticCode: string;
  status: string;
  replyCode: string;
}

export function settleCodes(recipient: ParsedRecipient): SettledCodes {
  const diagnosticCode = joinReplyLines(squeeze(recipient.diagnosticCode ?? ''));
  const status = specificStatus(recipient.status ?? '', diagnosticCode);
  let replyCode = recipient.replyCode ?? '';
  // "Status: 4.0.0" with "554 ..." in the words: the two describe different attempts; keep the status.
  if (status && replyCode && status[0] !== replyCode[0]) replyCode = '';
  return { diagnosticCode, status, replyCode };
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
  if (inWords[0] !== status[0] || statusesIn(diagnostic).includes(status)) return status;
  return inWords;
}
