// THE decision order: which evidence wins when the bounce's parts disagree, written once
// (docs/accuracy.md carries the same table with the reason for each step); the reasons' rules are
// placed in it, and RULES below is made from them: a new reason is its rule file and its line here.
//
//  1  the format's own certain verdict (not a WEAK one)     -> that reason
//  2  a 2.x.x status or a positive DSN                      -> delivered
//  3  the receiving provider's own codes and words          -> the provider's meaning
//  4  a local delivery agent's words                        -> the agent's meaning
//  5  SPECIFIC pass, in this order: a reason's specific     -> the first that claims (a weak format
//     status, or its clear words after the right command       verdict claims its own place)
//  6  a weak format verdict not overruled in step 5         -> that reason
//  7  a specific status no other words overrule (yieldsTo)  -> that reason
//  8  BROAD pass: the words of the broad reasons            -> the first that matches
//  9  a generic status (x.0.0, X.1.0, X.5.x, X.7.1 ...)      -> the reason it leans to
// 10  status class x.6/x.7, reply code, Action: delayed,    -> contenterror, securityerror, the code's
//     the command (greeting, MAIL FROM)                        reason, expired, blocked, rejected
// 11  out-of-office words; any words; nothing               -> vacation / onhold / undefined
//
// Why: the most specific evidence names the fault; a generic status names none. Among specific
// reasons the order says which fault explains the others: a full mailbox is also a refused
// recipient, a blocked IP is also a refused message.
import { REASONS, type Reason } from '../types.ts';
import type { ReasonRule } from './rule.ts';
import { authfailureRule } from './rules/authfailure.ts';
import { badreputationRule } from './rules/badreputation.ts';
import { blockedRule } from './rules/blocked.ts';
import { contenterrorRule } from './rules/contenterror.ts';
import { deliveredRule } from './rules/delivered.ts';
import { exceedlimitRule } from './rules/exceedlimit.ts';
import { expiredRule } from './rules/expired.ts';
import { failedstarttlsRule } from './rules/failedstarttls.ts';
import { feedbackRule } from './rules/feedback.ts';
import { filteredRule } from './rules/filtered.ts';
import { hasmovedRule } from './rules/hasmoved.ts';
import { hostunknownRule } from './rules/hostunknown.ts';
import { mailboxfullRule } from './rules/mailboxfull.ts';
import { mailererrorRule } from './rules/mailererror.ts';
import { mesgtoobigRule } from './rules/mesgtoobig.ts';
import { networkerrorRule } from './rules/networkerror.ts';
import { norelayingRule } from './rules/norelaying.ts';
import { notacceptRule } from './rules/notaccept.ts';
import { notcompliantrfcRule } from './rules/notcompliantrfc.ts';
import { onholdRule } from './rules/onhold.ts';
import { policyviolationRule } from './rules/policyviolation.ts';
import { rejectedRule } from './rules/rejected.ts';
import { requireptrRule } from './rules/requireptr.ts';
import { securityerrorRule } from './rules/securityerror.ts';
import { spamdetectedRule } from './rules/spamdetected.ts';
import { speedingRule } from './rules/speeding.ts';
import { suppressedRule } from './rules/suppressed.ts';
import { suspendRule } from './rules/suspend.ts';
import { syntaxerrorRule } from './rules/syntaxerror.ts';
import { systemerrorRule } from './rules/systemerror.ts';
import { systemfullRule } from './rules/systemfull.ts';
import { toomanyconnRule } from './rules/toomanyconn.ts';
import { undefinedRule } from './rules/undefined.ts';
import { userunknownRule } from './rules/userunknown.ts';
import { vacationRule } from './rules/vacation.ts';
import { virusdetectedRule } from './rules/virusdetected.ts';

/** Reasons whose status or clear words decide in the first pass, most specific first (step 5). */
const SPECIFIC_RULES = [
  suppressedRule,
  mailboxfullRule,
  exceedlimitRule,
  mesgtoobigRule,
  suspendRule,
  hasmovedRule,
  norelayingRule,
  notcompliantrfcRule,
  authfailureRule,
  userunknownRule,
  filteredRule,
  requireptrRule,
  badreputationRule,
  contenterrorRule,
  rejectedRule,
  hostunknownRule,
  virusdetectedRule,
  spamdetectedRule,
  toomanyconnRule,
  speedingRule,
  blockedRule,
] as const;
export const SPECIFIC: readonly Reason[] = SPECIFIC_RULES.map((rule) => rule.reason);

/** Reasons whose wording is vaguer than any specific status: their words count after it (step 8). */
const BROAD_RULES = [
  policyviolationRule,
  failedstarttlsRule,
  securityerrorRule,
  notacceptRule,
  systemfullRule,
  systemerrorRule,
  networkerrorRule,
  syntaxerrorRule,
  expiredRule,
  mailererrorRule,
] as const;
export const BROAD: readonly Reason[] = BROAD_RULES.map((rule) => rule.reason);

/** Reasons the report's structure decides, and the two verdicts left when nothing matched. */
const STRUCTURAL_RULES = [deliveredRule, vacationRule, feedbackRule, onholdRule, undefinedRule] as const;
export const STRUCTURAL: readonly Reason[] = STRUCTURAL_RULES.map((rule) => rule.reason);

/**
 * Format verdicts that are guesses from little evidence (after Sisimai's "retry" set): the server's
 * words may still overrule them (steps 5 and 6).
 */
export const WEAK_VERDICTS: ReadonlySet<Reason> = new Set<Reason>([
  'undefined',
  'onhold',
  'systemerror',
  'securityerror',
  'expired',
  'networkerror',
  'hostunknown',
  'userunknown',
]);

/** Every reason in the one order: the compiler fails here when a reason has no place. */
export const ORDER: readonly Reason[] = [...SPECIFIC, ...BROAD, ...STRUCTURAL];
const PLACED_RULES = [...SPECIFIC_RULES, ...BROAD_RULES, ...STRUCTURAL_RULES];
type Placed = (typeof PLACED_RULES)[number]['reason'];
export const EVERY_REASON_PLACED: [Exclude<Reason, Placed>] extends [never] ? true : Exclude<Reason, Placed> =
  true;

/** THE registry of reason rules, one per reason, keyed by reason in the union's order. */
export const RULES = Object.fromEntries(
  REASONS.map((reason) => [reason, PLACED_RULES.find((rule) => rule.reason === reason)]),
) as Readonly<Record<Reason, ReasonRule>>;
