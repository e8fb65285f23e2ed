// requireptr: rejected because the sending IP address has no valid reverse DNS (PTR) record.
import type { ReasonRule } from '../rule.ts';

export const requireptrRule: ReasonRule = {
  reason: 'requireptr',
  phrases: [
    'ip name lookup failed',
    'name lookup failed',
    'reverse dns',
    'reverse lookup',
    'reverse-dns',
    'ptr record',
    'no ptr',
    'rdns',
    'cannot find your hostname',
    'cannot find your reverse hostname',
    "can't find your hostname",
    'cannot resolve your address',
    'no reverse',
    'invalid reverse',
    'reverse hostname',
    'unresolvable ip',
    'hostname does not resolve',
    'reverse mapping',
    'cannot resolve pointer',
    'not match your ip',
    'forward-confirmed',
    'fcrdns',
    'unable to verify hostname',
    'hostname lookup failed',
    'dns pointer',
    '5.7.25',
  ],
};
