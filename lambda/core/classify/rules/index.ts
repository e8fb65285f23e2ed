// THE registry of reason rules: one per reason, the compiler names a missing one.
import type { Reason } from '../../types.ts';
import type { ReasonRule } from '../rule.ts';
import { authfailureRule } from './authfailure.ts';
import { badreputationRule } from './badreputation.ts';
import { blockedRule } from './blocked.ts';
import { contenterrorRule } from './contenterror.ts';
import { deliveredRule } from './delivered.ts';
import { exceedlimitRule } from './exceedlimit.ts';
import { expiredRule } from './expired.ts';
import { failedstarttlsRule } from './failedstarttls.ts';
import { feedbackRule } from './feedback.ts';
import { filteredRule } from './filtered.ts';
import { hasmovedRule } from './hasmoved.ts';
import { hostunknownRule } from './hostunknown.ts';
import { mailboxfullRule } from './mailboxfull.ts';
import { mailererrorRule } from './mailererror.ts';
import { mesgtoobigRule } from './mesgtoobig.ts';
import { networkerrorRule } from './networkerror.ts';
import { norelayingRule } from './norelaying.ts';
import { notacceptRule } from './notaccept.ts';
import { notcompliantrfcRule } from './notcompliantrfc.ts';
import { onholdRule } from './onhold.ts';
import { policyviolationRule } from './policyviolation.ts';
import { rejectedRule } from './rejected.ts';
import { requireptrRule } from './requireptr.ts';
import { securityerrorRule } from './securityerror.ts';
import { spamdetectedRule } from './spamdetected.ts';
import { speedingRule } from './speeding.ts';
import { suppressedRule } from './suppressed.ts';
import { suspendRule } from './suspend.ts';
import { syntaxerrorRule } from './syntaxerror.ts';
import { systemerrorRule } from './systemerror.ts';
import { systemfullRule } from './systemfull.ts';
import { toomanyconnRule } from './toomanyconn.ts';
import { undefinedRule } from './undefined.ts';
import { userunknownRule } from './userunknown.ts';
import { vacationRule } from './vacation.ts';
import { virusdetectedRule } from './virusdetected.ts';

export const RULES: Readonly<Record<Reason, ReasonRule>> = {
  authfailure: authfailureRule,
  badreputation: badreputationRule,
  blocked: blockedRule,
  contenterror: contenterrorRule,
  delivered: deliveredRule,
  exceedlimit: exceedlimitRule,
  expired: expiredRule,
  failedstarttls: failedstarttlsRule,
  feedback: feedbackRule,
  filtered: filteredRule,
  hasmoved: hasmovedRule,
  hostunknown: hostunknownRule,
  mailboxfull: mailboxfullRule,
  mailererror: mailererrorRule,
  mesgtoobig: mesgtoobigRule,
  networkerror: networkerrorRule,
  norelaying: norelayingRule,
  notaccept: notacceptRule,
  notcompliantrfc: notcompliantrfcRule,
  onhold: onholdRule,
  policyviolation: policyviolationRule,
  rejected: rejectedRule,
  requireptr: requireptrRule,
  securityerror: securityerrorRule,
  spamdetected: spamdetectedRule,
  speeding: speedingRule,
  suppressed: suppressedRule,
  suspend: suspendRule,
  syntaxerror: syntaxerrorRule,
  systemerror: systemerrorRule,
  systemfull: systemfullRule,
  toomanyconn: toomanyconnRule,
  undefined: undefinedRule,
  userunknown: userunknownRule,
  vacation: vacationRule,
  virusdetected: virusdetectedRule,
};
