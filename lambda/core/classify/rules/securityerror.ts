// securityerror: rejected because of a security problem: authentication required or a security check failed.
import type { ReasonRule } from '../rule.ts';

export const securityerrorRule: ReasonRule = {
  reason: 'securityerror',
  phrases: [
    'turn on smtp authentication',
    'without authentication',
    'authentication required',
    'authentication is required',
    'must be authenticated',
    'smtp auth',
    'auth required',
    'authentication failed',
    'authentication failure',
    'not authenticated',
    'unauthenticated',
    'access not allowed',
    'security violation',
    'security error',
    'insecure',
    'secure connection',
    'certificate',
    'sender is not authenticated',
    'authenticate first',
    'verification failed',
    'please authenticate',
  ],
};
