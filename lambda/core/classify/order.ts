// THE order in which reason rules are tried. Two passes, after Sisimai's reading of bounces:
// 1. FIRST_PASS: a rule wins when the status code names its reason or its words occur (the
//    more specific first: a full mailbox is often worded with "user" and "mailbox" too);
// 2. a status code that names a reason, when no first-pass rule matched;
// 3. LATER_PASS: words only, for reasons whose wording is vaguer than any status code.

import type { Reason } from '../types.ts';
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

export const FIRST_PASS: readonly ReasonRule[] = [
  mailboxfullRule,
  exceedlimitRule,
  mesgtoobigRule,
  suspendRule,
  hasmovedRule,
  mailererrorRule,
  norelayingRule,
  notcompliantrfcRule,
  authfailureRule,
  userunknownRule,
  filteredRule,
  requireptrRule,
  badreputationRule,
  rejectedRule,
  hostunknownRule,
  virusdetectedRule,
  spamdetectedRule,
  speedingRule,
  toomanyconnRule,
  blockedRule,
];

export const LATER_PASS: readonly ReasonRule[] = [
  policyviolationRule,
  contenterrorRule,
  failedstarttlsRule,
  securityerrorRule,
  suppressedRule,
  notacceptRule,
  systemfullRule,
  networkerrorRule,
  syntaxerrorRule,
  systemerrorRule,
  expiredRule,
];

/**
 * Reasons that the structure of a message decides before any words are read (a positive DSN, an
 * RFC 3834 auto-reply, an ARF report) and the two verdicts left when nothing matched.
 */
export const STRUCTURAL: readonly ReasonRule[] = [
  deliveredRule,
  vacationRule,
  feedbackRule,
  onholdRule,
  undefinedRule,
];

export const RULE_OF_REASON: ReadonlyMap<Reason, ReasonRule> = new Map(
  [...FIRST_PASS, ...LATER_PASS, ...STRUCTURAL].map((rule) => [rule.reason, rule]),
);
