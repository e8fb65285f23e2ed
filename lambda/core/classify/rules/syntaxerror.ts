// syntaxerror: refused for a syntax error in the SMTP commands sent.
import type { ReasonRule } from '../rule.ts';

export const syntaxerrorRule: ReasonRule<'syntaxerror'> = {
  reason: 'syntaxerror',
  category: 'other',
  hardBounce: 'never',
  derivedDetail: '902',
  // X.5.2 syntax error, X.5.6 authentication line too long: protocol codes a server also uses loosely.
  genericStatuses: ['5.1', '5.2', '5.4', '5.5', '5.6'],
  // 500-504 (RFC 5321): command or parameter not recognised or out of sequence.
  replyCodes: ['500', '501', '502', '503', '504', '555'],
  phrases: [
    'syntax error',
    'bad syntax',
    'invalid syntax',
    'syntax is invalid',
    'command unrecognized',
    'command not recognized',
    'unrecognized command',
    'unrecognised command',
    'unknown command',
    'invalid command',
    'command not implemented',
    'unimplemented command',
    'parameter not implemented',
    'bad sequence of commands',
    'improper sequence of commands',
    'command out of sequence',
    'send hello first',
    'ehlo/helo first',
    'no data after bdat',
    'smtp protocol violation',
    'pipelining',
    'protocol synchronization',
    'synchronization error',
    'parameters not recognized',
    'parameter unrecognized',
    'unknown body type',
    'violates rfc 821',
  ],
  providers: {
    google: {
      words: [
        'smtp protocol violation',
        'syntax error (no parameters allowed)',
        'optional argument not permitted',
        'unrecognized authentication type',
        'xoauth is no longer supported',
        'too many unauthenticated commands',
      ],
    },
    tencent: { words: ['bad address syntax'] },
  },
  patterns: [/\bsyntax\b/],
  sources: [
    'RFC 5321 (500-504), RFC 3463 (X.5.2), RFC 4954 (X.5.6)',
    'Sisimai 5 reason/why-syntaxerror.go (BSD-2-Clause): 50x reply codes',
    'Google Workspace 5.5.1/5.5.2 protocol errors; Microsoft 365 NDR 5.5.2, 5.3.3; Postfix "Improper use of SMTP command pipelining"',
  ],
};
