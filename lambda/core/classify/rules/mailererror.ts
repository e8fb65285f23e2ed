// mailererror: a mail program on the receiving host (a local delivery agent, a pipe) exited with an error.
import type { ReasonRule } from '../rule.ts';

export const mailererrorRule: ReasonRule<'mailererror'> = {
  reason: 'mailererror',
  category: 'temporary-or-delayed',
  hardBounce: 'never',
  derivedDetail: '939',
  phrases: [
    'command died with status',
    'command output:',
    'command failed:',
    'procmail:',
    'bin/procmail',
    'bin/maildrop',
    'bin/maidrop',
    'pipe to |',
    '|| exit',
    'exit status',
    'exited with',
    'program exited',
    'returned exit code',
    'mailer error',
    'unknown mailer error',
    'mailer not found',
    'local delivery failed',
    'unable to deliver via',
    'lda error',
    'died with signal',
    'command time limit exceeded',
    'child process of',
    'transport returned',
    'x-unix;',
    'operating system error',
  ],
  // "Diagnostic-Code: X-Unix; ...": a local program (procmail, a pipe) failed, whatever it printed.
  diagnosticTypes: ['x-unix'],
  agents: {
    procmail: ["couldn't create"],
  },
  sources: [
    'RFC 3464 (Diagnostic-Code types); Sendmail "unknown mailer error", Postfix pipe(8) "Command died with status"',
    'Sisimai 5 reason/why-mailererror.go (BSD-2-Clause), the wordings only',
    'procmail and maildrop exit texts',
  ],
};
