// norelaying: rejected as relaying: the server does not accept mail for that domain from this sender.
import type { ReasonRule } from '../rule.ts';

export const norelayingRule: ReasonRule = {
  reason: 'norelaying',
  phrases: [
    'relay access denied',
    'relaying denied',
    'relay denied',
    'relay not permitted',
    'relaying not permitted',
    'not permitted to relay',
    'relaying not allowed',
    'not allowed to relay',
    'unable to relay',
    'we do not relay',
    'relaying prohibited',
    'relay prohibited',
    'no relaying',
    'relay not allowed',
    'not a gateway',
    'list of allowed rcpthosts',
    'relaying mail to',
    'relaying to',
    'insecure mail relay',
    'relay rejected',
    'relay access',
    'cannot relay',
    'can not relay',
    'does not relay',
    'is not permitted to relay',
  ],
  // "not permitted to relay ... without authentication": the client must log in (securityerror).
  unless: [/\bwithout authentication\b|\bsmtp authentication\b/],
};
