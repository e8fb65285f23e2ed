// Decides one recipient's reason: the format's verdict, the receiving provider's wording, the status
// code and the server's words in one order, then structural fallbacks.
import type { ParsedRecipient } from '../mta/parser.ts';
import { MATCH_LIMIT } from '../text.ts';
import type { Reason } from '../types.ts';
import { RULE_ORDER } from './order.ts';
import { providerVerdict } from './providers/index.ts';
import { reasonOfReplyCode } from './reply-codes.ts';
import { ruleMatches } from './rule.ts';
import { reasonOfStatus } from './status-codes.ts';

export interface Verdict {
  reason: Reason;
  /** Set for `undefined` and `onhold`: what was missing to decide. */
  whyUndecided?: string;
}

/** Format verdicts that the server's own words may still overrule (after Sisimai's "retry" set). */
const OVERRULABLE = new Set<Reason>([
  'undefined',
  'onhold',
  'systemerror',
  'securityerror',
  'expired',
  'networkerror',
  'hostunknown',
  'userunknown',
]);

/** The words the rules read: lower-cased, white space squeezed, bounded. */
export function normalizeDiagnostic(text: string): string {
  return text.slice(0, MATCH_LIMIT).toLowerCase().replace(/\s+/g, ' ').trim();
}

export function classifyRecipient(recipient: ParsedRecipient): Verdict {
  const given = recipient.reason;
  if (given && !OVERRULABLE.has(given)) return { reason: given };
  const status = recipient.status ?? '';
  if (status.startsWith('2.') || recipient.action === 'delivered') return { reason: 'delivered' };

  const text = normalizeDiagnostic(recipient.diagnosticCode ?? '');
  const decided = providerVerdict(recipient, text) ?? verdictOfRules(status, text);
  if (decided) return { reason: afterData(decided, recipient.command) };
  if (given) return { reason: given };
  return fallback(recipient, status, text);
}

/** The first rule, in the one order, that the status code names or whose words occur. */
export function verdictOfRules(status: string, text: string): Reason | undefined {
  const named = reasonOfStatus(status);
  for (const rule of RULE_ORDER) {
    if (rule.reason === named || (text && ruleMatches(rule, text))) return rule.reason;
  }
  return undefined;
}

// A recipient refused only after the message was sent was refused for its content or headers,
// not because the address is unknown: Sisimai calls it "filtered".
function afterData(reason: Reason, command: string | undefined): Reason {
  return reason === 'userunknown' && command === 'DATA' ? 'filtered' : reason;
}

function fallback(recipient: ParsedRecipient, status: string, text: string): Verdict {
  const subject = status.slice(0, 3);
  if (subject === '5.6' || subject === '4.6') return { reason: 'contenterror' };
  if (subject === '5.7' || subject === '4.7') return { reason: 'securityerror' };
  if (recipient.diagnosticType === 'x-unix') return { reason: 'mailererror' };
  const byReply = reasonOfReplyCode(recipient.replyCode ?? '');
  if (byReply) return { reason: byReply };
  if (recipient.action === 'delayed' || status.startsWith('4.')) return { reason: 'expired' };
  const command = recipient.command ?? '';
  if (command === 'CONN' || command === 'HELO' || command === 'EHLO') return { reason: 'blocked' };
  if (command === 'MAIL') return { reason: 'rejected' };
  if (text) {
    return { reason: 'onhold', whyUndecided: `no rule matches the server's words: "${text.slice(0, 120)}"` };
  }
  return {
    reason: 'undefined',
    whyUndecided: status
      ? `the bounce gives only the generic status ${status} and no error text`
      : 'the bounce gives no status code, reply code or error text',
  };
}
