// Decides one recipient's reason: the format's verdict, the receiving provider's wording, the status
// code and the server's words in one order, then structural fallbacks.
import type { ParsedRecipient } from '../mta/parser.ts';
import { MATCH_LIMIT } from '../text.ts';
import type { Reason } from '../types.ts';
import { agentVerdict } from './delivery-agents.ts';
import { FIRST_PASS, LATER_PASS, RULE_OF_REASON } from './order.ts';
import { providerVerdict } from './providers/index.ts';
import { reasonOfReplyCode } from './reply-codes.ts';
import { type ReasonRule, wordsApply, wordsMatch } from './rule.ts';
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
  const command = recipient.command ?? '';
  const type = recipient.diagnosticType ?? '';
  const decided =
    providerVerdict(recipient, text) ?? agentVerdict(text) ?? verdictOfRules(status, text, command, type);
  // The filter convention (filtered.ts) reads the SMTP command; a format that knows the address is
  // unknown knows better.
  if (decided === 'filtered' && given === 'userunknown') return { reason: given };
  // An MTA that gave up retrying, with no server reply to say otherwise, is the best witness.
  if (given === 'expired' && !recipient.replyCode) return { reason: given };
  if (decided) return { reason: decided };
  if (given) return { reason: given };
  return fallback(recipient, status, text);
}

/** The two passes of the one order (see order.ts). */
export function verdictOfRules(
  status: string,
  text: string,
  command: string,
  diagnosticType = '',
): Reason | undefined {
  const named = reasonOfStatus(status);
  for (const rule of FIRST_PASS) {
    if (rule.reason === named && !yields(rule, text) && (!rule.namedNeedsWords || wordsMatch(rule, text))) {
      return rule.reason;
    }
    if (wordsApply(rule, text, command)) return rule.reason;
    if (diagnosticType && rule.diagnosticTypes?.includes(diagnosticType)) return rule.reason;
  }
  if (named) return named;
  for (const rule of LATER_PASS) {
    if (wordsApply(rule, text, command)) return rule.reason;
  }
  return undefined;
}

function yields(rule: ReasonRule, text: string): boolean {
  return (
    rule.yieldsTo?.some((reason) => {
      const other = RULE_OF_REASON.get(reason);
      return other !== undefined && wordsMatch(other, text);
    }) ?? false
  );
}

function fallback(recipient: ParsedRecipient, status: string, text: string): Verdict {
  const subject = status.slice(0, 3);
  if (subject === '5.6' || subject === '4.6') return { reason: 'contenterror' };
  if (subject === '5.7' || subject === '4.7') return { reason: 'securityerror' };
  const byReply = reasonOfReplyCode(recipient.replyCode ?? '');
  if (byReply) return { reason: byReply };
  if (recipient.action === 'delayed') return { reason: 'expired' };
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
