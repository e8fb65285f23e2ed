// suspend: the recipient's account is suspended or disabled.
import type { ReasonRule } from '../rule.ts';

export const suspendRule: ReasonRule = {
  reason: 'suspend',
  phrases: [
    'account disabled',
    'account is disabled',
    'account has been disabled',
    'has been disabled',
    'mailbox disabled',
    'mailbox is disabled',
    'account suspended',
    'account is suspended',
    'account has been suspended',
    'account expired',
    'account is expired',
    'mailbox is inactive',
    'account inactive',
    'account locked',
    'account is locked',
    'temporarily unavailable account',
    'account unavailable',
    'account is unavailable',
    'mailbox unavailable or inactive',
    'blocked account',
    'account blocked',
    'closed account',
    'account closed',
    'mailbox has been blocked',
  ],
  patterns: [
    /\b(?:account|mailbox|user|recipient|address)\b.{0,40}\b(?:suspended|inactive|deactivated|disabled|locked|frozen)\b/,
    /\b(?:suspended|inactive|deactivated|disabled|locked|frozen) (?:account|mailbox|user|recipient)\b/,
    /\baccount that you tried to reach is (?:disabled|inactive)/,
  ],
};
