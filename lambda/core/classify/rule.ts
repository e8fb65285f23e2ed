// The shape of a reason rule: the words and codes that identify one reason, as data.
import type { Reason } from '../types.ts';

export interface ReasonRule {
  readonly reason: Reason;
  /** Lower-case phrases, found verbatim (after white space is squeezed) in the server's words. */
  readonly phrases: readonly string[];
  /** Bounded patterns for wordings with variable parts; no nested quantifiers. */
  readonly patterns?: readonly RegExp[];
}

/** True when the rule's phrases or patterns occur in `text` (lower-cased, squeezed). */
export function ruleMatches(rule: ReasonRule, text: string): boolean {
  for (const phrase of rule.phrases) if (text.includes(phrase)) return true;
  if (rule.patterns) for (const pattern of rule.patterns) if (pattern.test(text)) return true;
  return false;
}
