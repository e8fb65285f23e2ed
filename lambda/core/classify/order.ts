// THE decision order: which evidence wins when the bounce's parts disagree, written once
// (docs/accuracy.md carries the same table with the reason for each step).
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

/** Reasons whose wording is vaguer than any specific status: their words count after it (step 8). */
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
type Placed = (typeof SPECIFIC)[number] | (typeof BROAD)[number] | (typeof STRUCTURAL)[number];
export const EVERY_REASON_PLACED: [Exclude<Reason, Placed>] extends [never] ? true : Exclude<Reason, Placed> =
  true;
