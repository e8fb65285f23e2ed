// The ONE order in which reason rules are tried: the first rule whose status code or words match wins.
// Earlier rules are the more specific: a full mailbox is often worded with "user" and "mailbox" too.

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

/** Rules tried against the server's words, in this order. */
export const RULE_ORDER: readonly ReasonRule[] = [
  mailboxfullRule,
  mesgtoobigRule,
  exceedlimitRule,
  suspendRule,
  hasmovedRule,
  norelayingRule,
  notacceptRule,
  suppressedRule,
  requireptrRule,
  authfailureRule,
  badreputationRule,
  speedingRule,
  toomanyconnRule,
  failedstarttlsRule,
  virusdetectedRule,
  hostunknownRule,
  userunknownRule,
  filteredRule,
  notcompliantrfcRule,
  contenterrorRule,
  spamdetectedRule,
  rejectedRule,
  blockedRule,
  policyviolationRule,
  securityerrorRule,
  systemfullRule,
  networkerrorRule,
  mailererrorRule,
  syntaxerrorRule,
  systemerrorRule,
  expiredRule,
];

/**
 * Rules for reasons that the structure of a message decides before any words are read: a positive
 * DSN, an RFC 3834 auto-reply, an ARF report; and the two verdicts left when nothing matched.
 */
export const STRUCTURAL_RULES: readonly ReasonRule[] = [
  deliveredRule,
  vacationRule,
  feedbackRule,
  onholdRule,
  undefinedRule,
];
