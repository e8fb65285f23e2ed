// mailererror: a mail program on the receiving host (a local delivery agent) exited with an error.
import type { ReasonRule } from '../rule.ts';

export const mailererrorRule: ReasonRule = {
  reason: 'mailererror',
  phrases: [
    'command died with status',
    'command output:',
    'procmail:',
    'pipe to',
    'exit status',
    'exited with',
    'mailer error',
    'local delivery failed',
    'command failed',
    'unable to deliver via',
    'program exited',
    'returned exit code',
    'mailer not found',
    'unknown mailer error',
    'lda error',
  ],
  // "Diagnostic-Code: X-Unix; ...": a local program (procmail, a pipe) failed, whatever it printed.
  diagnosticTypes: ['x-unix'],
};
