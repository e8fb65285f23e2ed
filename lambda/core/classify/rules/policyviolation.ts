// policyviolation: rejected by a policy of the receiving host.
import type { ReasonRule } from '../rule.ts';

export const policyviolationRule: ReasonRule = {
  reason: 'policyviolation',
  phrases: [
    'protocol violation',
    'content presents a potential security issue',
    'violates policy',
    'violation of policy',
    'violates our policy',
    'rejected by policy',
    'due to policy',
    'policy reasons',
    'local policy',
    'content policy',
    'security policy',
    'policy restriction',
    'not allowed by policy',
    'prohibited by policy',
    'policy rejection',
    'message rejected due to',
    'prohibited attachment',
    'attachment type',
    'attachment not allowed',
    'file type',
    'executable',
    'not authorized to send',
    'not authorised to send',
    'restricted',
    'email policy',
    'policy',
  ],
};
