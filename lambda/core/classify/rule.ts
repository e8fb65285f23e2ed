// The shape of a reason rule: all the classifier knows of one reason, as data (its file in rules/).
import type { Category } from '../diagnosis/categories.ts';
import type { Reason } from '../types.ts';
import type { AgentId } from './agents.ts';
import type { ProviderId } from './providers.ts';

/** When a bounce for this reason says the address itself is bad for good. */
export type HardBounce = 'never' | 'always' | 'when-permanent';

/** What one receiving provider says, in its own codes or words, for this reason. */
export interface ProviderWording {
  /** Enhanced status codes the provider gives this meaning ("5.1.10"), whatever the registry says. */
  readonly statuses?: readonly string[];
  /** Lower-case phrases or bounded patterns of the provider's replies. */
  readonly words?: readonly (string | RegExp)[];
  /** The words mean this only in reply to one of these commands (docomo's filter answers after DATA). */
  readonly onlyAfter?: readonly string[];
}

export interface ReasonRule<R extends Reason = Reason> {
  readonly reason: R;
  /** The support person's category (diagnosis/categories.ts). */
  readonly category: Category;
  readonly hardBounce: HardBounce;
  /**
   * The detail of the status reported when the bounce gives none, after Sisimai's convention
   * (class, 0, a detail above 900: 5.0.911); absent for reasons that carry no status at all.
   */
  readonly derivedDetail?: string;
  /**
   * Enhanced status codes whose registered meaning is this reason: "1.1" for X.1.1 (either class),
   * or "5.2.1" for one class only.
   */
  readonly statuses?: readonly string[];
  /**
   * Generic status codes that only lean to this reason (X.1.0 "other address status", X.7.1
   * "delivery not authorized"): they name it when no rule's words decide (order.ts, step 9).
   */
  readonly genericStatuses?: readonly string[];
  /** SMTP reply codes that name this reason when nothing more specific is known (order.ts, step 10). */
  readonly replyCodes?: readonly string[];
  /** Lower-case phrases, found verbatim (after white space is squeezed) in the server's words. */
  readonly phrases: readonly string[];
  /** Bounded patterns for wordings with variable parts; no nested quantifiers. */
  readonly patterns?: readonly RegExp[];
  /** The words do not count when one of these occurs too (a wording that looks alike but is not). */
  readonly unless?: readonly RegExp[];
  /**
   * The words count only when the error answered one of these SMTP commands ("" = not known).
   * A status code that names the reason counts whatever the command.
   */
  readonly onlyAfter?: readonly string[];
  /**
   * Words that name no object ("Access denied"): they mean this reason only in reply to the command
   * that carried the object (at MAIL FROM the sender is refused, at the greeting the client).
   */
  readonly afterCommand?: Partial<Readonly<Record<string, readonly string[]>>>;
  /** Diagnostic-Code types ("x-unix") that mean this reason whatever the words say. */
  readonly diagnosticTypes?: readonly string[];
  /** A status code that names this reason counts only together with the rule's words. */
  readonly statusNeedsWords?: true;
  /** When the status names this reason but the words are those of one of these, the words win. */
  readonly yieldsTo?: readonly Reason[];
  /** The receiving providers' own codes and words for this reason (providers.ts says who they are). */
  readonly providers?: Partial<Readonly<Record<ProviderId, ProviderWording>>>;
  /** What a local delivery agent prints for this reason (agents.ts names the agents). */
  readonly agents?: Partial<Readonly<Record<AgentId, readonly string[]>>>;
  /** Where the rule's knowledge comes from (shown in docs/accuracy.md; not read by the code). */
  readonly sources: readonly string[];
}

/** True when the rule's phrases or patterns occur in `text` (lower-cased, squeezed). */
export function wordsMatch(rule: ReasonRule, text: string): boolean {
  if (!text) return false;
  // The exceptions are read only when the words occur: most rules find nothing, and this is the hot path.
  return (
    (wordsOf(rule)?.test(text) ?? false) && !(rule.unless?.some((pattern) => pattern.test(text)) ?? false)
  );
}

// A rule's phrases and patterns as one alternation: one pass over the text instead of one per phrase.
const compiled = new WeakMap<ReasonRule, RegExp | null>();

function wordsOf(rule: ReasonRule): RegExp | null {
  let pattern = compiled.get(rule);
  if (pattern === undefined) {
    const sources = [...rule.phrases.map(escapeLiteral), ...(rule.patterns ?? []).map((p) => p.source)];
    pattern = sources.length === 0 ? null : new RegExp(sources.join('|'));
    compiled.set(rule, pattern);
  }
  return pattern;
}

function escapeLiteral(phrase: string): string {
  return phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The words match, and the command is one after which they mean this reason. */
export function wordsApply(rule: ReasonRule, text: string, command: string): boolean {
  if (rule.afterCommand?.[command]?.some((phrase) => text.includes(phrase))) return true;
  if (rule.onlyAfter && !rule.onlyAfter.includes(command)) return false;
  return wordsMatch(rule, text);
}
