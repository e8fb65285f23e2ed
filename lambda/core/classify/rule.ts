// The shape of a reason rule: the words and codes that identify one reason, as data.
import type { Reason } from '../types.ts';

export interface ReasonRule {
  readonly reason: Reason;
  /** Lower-case phrases, found verbatim (after white space is squeezed) in the server's words. */
  readonly phrases: readonly string[];
  /** Bounded patterns for wordings with variable parts; no nested quantifiers. */
  readonly patterns?: readonly RegExp[];
  /**
   * The words count only when the error answered one of these SMTP commands ("" = not known).
   * A status code that names the reason counts whatever the command.
   */
  readonly onlyAfter?: readonly string[];
  /** Diagnostic-Code types ("x-unix") that mean this reason whatever the words say. */
  readonly diagnosticTypes?: readonly string[];
  /** The words do not count when one of these occurs too (a wording that looks alike but is not). */
  readonly unless?: readonly RegExp[];
  /** A status code that names this reason counts only together with the rule's words. */
  readonly namedNeedsWords?: boolean;
  /** When the status names this reason but the words are those of one of these, the words win. */
  readonly yieldsTo?: readonly Reason[];
}

/** True when the rule's phrases or patterns occur in `text` (lower-cased, squeezed). */
export function wordsMatch(rule: ReasonRule, text: string): boolean {
  if (!text) return false;
  if (rule.unless?.some((pattern) => pattern.test(text))) return false;
  if (phrasesOf(rule)?.test(text)) return true;
  if (rule.patterns) for (const pattern of rule.patterns) if (pattern.test(text)) return true;
  return false;
}

// A rule's phrases as one alternation of literals: one pass over the text instead of one per phrase.
const compiled = new WeakMap<ReasonRule, RegExp | null>();

function phrasesOf(rule: ReasonRule): RegExp | null {
  let pattern = compiled.get(rule);
  if (pattern === undefined) {
    pattern =
      rule.phrases.length === 0
        ? null
        : new RegExp(rule.phrases.map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
    compiled.set(rule, pattern);
  }
  return pattern;
}

/** The words match, and the command is one after which they mean this reason. */
export function wordsApply(rule: ReasonRule, text: string, command: string): boolean {
  if (rule.onlyAfter && !rule.onlyAfter.includes(command)) return false;
  return wordsMatch(rule, text);
}
