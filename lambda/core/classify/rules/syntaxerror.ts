// syntaxerror: rejected for a syntax error in the SMTP commands sent.
import type { ReasonRule } from '../rule.ts';

export const syntaxerrorRule: ReasonRule = {
  reason: 'syntaxerror',
  phrases: [
    'syntax error',
    'command unrecognized',
    'unrecognized command',
    'unrecognised command',
    'bad sequence of commands',
    'command not recognized',
    'command not implemented',
    'unknown command',
    'invalid command',
    'parameter not implemented',
    'command out of sequence',
    'bad syntax',
    'invalid syntax',
    'syntax is invalid',
  ],
};
