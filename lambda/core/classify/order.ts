// THE decision order: which evidence wins when the bounce's parts disagree, written once.
// (docs/accuracy.md carries the same table with the reasons behind each step.)
//
// | step | evidence                                                     | decides                                  |
// | ---- | ------------------------------------------------------------ | ---------------------------------------- |
// | 1    | the report's structure: a 2.x.x status or a positive DSN     | delivered                                |
// | 2    | the bounce format's own verdict (its error table)            | that reason, unless it is a WEAK verdict |
// | 3    | the receiving provider's own codes and words                 | that provider's meaning                  |
// | 4    | a local delivery agent's own words                           | that agent's meaning                     |
// | 5    | SPECIFIC pass: in this order, the first reason whose specific | that reason (a weak format verdict claims |
// |      | status or whose clear words (after the right command) occur  | its own place in this order)             |
// | 6    | a status detail that names a reason no rule's words overrule | that reason, when it is not a catch-all  |
// | 7    | BROAD pass: the words of the broad reasons, in this order    | that reason                              |
// | 8    | a catch-all status (x.7.x security, x.3.x system, x.4.x net) | that reason                              |
// | 9    | a weak format verdict that nothing above overruled           | that reason                              |
// | 10   | status class x.6 / x.7, reply code, Action: delayed, command | contenterror / securityerror / the reply |
// |      |                                                              | code's reason / expired / blocked        |
// | 11   | out-of-office words; any words at all; nothing               | vacation / onhold / undefined            |
//
// Why: the most specific evidence names the fault; a generic status (x.0.0, 5.1.0, 5.7.1, 5.5.0,
// 4.7.0) names none, and a missing SMTP command is no evidence. Among specific reasons the order
// says which fault explains the others: a full mailbox is also a refused recipient, a blocked IP is
// also a refused message.
import type { Reason } from '../types.ts';

/** Reasons whose status or clear words decide in the first pass, most specific first (step 5). */
export const SPECIFIC = [
  'suppressed',
  'mailboxfull',
  'exceedlimit',
  'mesgtoobig',
  'suspend',
  'hasmoved',
  'norelaying',
  'notcompliantrfc',
  'authfailure',
  'userunknown',
  'filtered',
  'requireptr',
  'badreputation',
  'contenterror',
  'rejected',
  'hostunknown',
  'virusdetected',
  'spamdetected',
  'toomanyconn',
  'speeding',
  'blocked',
] as const satisfies readonly Reason[];

/** Reasons whose wording is vaguer than any specific status: their words count after it (step 7). */
export const BROAD = [
  'policyviolation',
  'failedstarttls',
  'securityerror',
  'notaccept',
  'systemfull',
  'systemerror',
  'networkerror',
  'syntaxerror',
  'expired',
  'mailererror',
] as const satisfies readonly Reason[];

/** Reasons the report's structure decides, and the two verdicts left when nothing matched. */
export const STRUCTURAL = [
  'delivered',
  'vacation',
  'feedback',
  'onhold',
  'undefined',
] as const satisfies readonly Reason[];

/**
 * Format verdicts that are guesses from little evidence (after Sisimai's "retry" set): the server's
 * words may still overrule them (steps 5 and 9).
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
type Placed = (typeof SPECIFIC)[number] | (typeof BROAD)[number] | (typeof STRUCTURAL)[number];
export const EVERY_REASON_PLACED: [Exclude<Reason, Placed>] extends [never] ? true : Exclude<Reason, Placed> =
  true;
