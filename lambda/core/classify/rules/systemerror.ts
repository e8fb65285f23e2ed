// systemerror: a system error on the receiving host.
import type { ReasonRule } from '../rule.ts';

export const systemerrorRule: ReasonRule = {
  reason: 'systemerror',
  phrases: [
    'queue file write error',
    'could not load drd',
    'internal error',
    'server error',
    'system problem',
    'local error in processing',
    'configuration error',
    'system config error',
    'system failure',
    'insufficient permission',
    'temporary error',
    'temporarily unavailable',
    'service unavailable',
    'server busy',
    'resources temporarily',
    'internal server',
    'unexpected error',
    'transaction failed',
    'processing error',
    'unable to process',
    'mail system error',
    'i/o error',
    'input/output error',
    'database error',
    'not available',
    'unavailable',
  ],
};
