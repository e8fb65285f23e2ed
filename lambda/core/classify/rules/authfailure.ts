// authfailure: rejected by the receiving side's SPF, DKIM or DMARC checks of the sender's domain.
import type { ReasonRule } from '../rule.ts';

export const authfailureRule: ReasonRule = {
  reason: 'authfailure',
  phrases: [
    'spf check failed',
    'spf: fail',
    'spf fail',
    'failed spf',
    'spf validation',
    'sender policy framework',
    'does not designate',
    'not designated as permitted sender',
    'not permitted sender',
    'fails to pass authentication checks',
    'does not have authentication information',
    'authentication checks',
    'sender authentication',
    'email authentication',
    'unauthenticated email',
    'message failed authentication',
    'failed authentication checks',
    'domain authentication',
    '5.7.26',
    '5.7.27 sender address has null mx',
  ],
  patterns: [
    /\bspf\b.{0,40}\b(?:fail|softfail|reject|invalid)/,
    /\b(?:fail|reject)\w*\b.{0,40}\bspf\b/,
    /\b(?:dkim|dmarc)\b.{0,60}\b(?:fail|reject|invalid|not pass|did not pass|policy|alignment|verification)/,
    /\b(?:fail|reject|invalid|not pass)\w*\b.{0,60}\b(?:dkim|dmarc)\b/,
  ],
};
