// mailererror: a mail program on the receiving host (a local delivery agent) exited with an error.
import type { ReasonRule } from '../rule.ts';

export const mailererrorRule: ReasonRule = {
  reason: 'mailererror',
  phrases: [
    'command died with status',
    'command output:',
    'procmail',
    'maildrop',
    'pipe to',
    'exit status',
    'exited with',
    'mailer error',
    'mail delivery agent',
    'local delivery failed',
    'delivery agent',
    'command failed',
    'error in processing',
    'unable to deliver via',
    'x-unix',
    'program exited',
    'returned exit code',
    'mailer not found',
    'unknown mailer error',
    'lda error',
    'sieve',
  ],
};
