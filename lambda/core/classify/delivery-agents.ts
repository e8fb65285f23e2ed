// Local delivery agents (the programs that write into a mailbox) print their own errors, which MTAs
// quote in the bounce: "mail.local: unknown user", "maildrop: maildir over quota.". Their wording
// names the reason whatever status the MTA wrapped it in.
import type { Reason } from '../types.ts';

type AgentTable = ReadonlyArray<readonly [phrase: string, reason: Reason]>;

const AGENTS: ReadonlyArray<readonly [agent: RegExp, table: AgentTable]> = [
  [
    /\bmail\.local\b/,
    [
      ['unknown user', 'userunknown'],
      ['user unknown', 'userunknown'],
      ['invalid mailbox', 'userunknown'],
      ['mailbox full', 'mailboxfull'],
      ['disc quota exceeded', 'mailboxfull'],
      ['disk quota exceeded', 'mailboxfull'],
      ['not a regular file', 'systemerror'],
    ],
  ],
  [
    /\bprocmail\b/,
    [
      ['quota exceeded while writing', 'mailboxfull'],
      ['unknown user', 'userunknown'],
      ["couldn't create", 'mailererror'],
      ['error while writing', 'systemerror'],
    ],
  ],
  [
    /\bmaildrop\b/,
    [
      ['maildir over quota', 'mailboxfull'],
      ['invalid user specified', 'userunknown'],
      ['cannot find system user', 'userunknown'],
      ['cannot create', 'systemerror'],
    ],
  ],
  [
    /\bv(?:deliver)?mail|\bvpopmail\b/,
    [
      ['no mailbox here by that name', 'userunknown'],
      ['user does not exist', 'userunknown'],
      ['is over quota', 'mailboxfull'],
      ['mailbox is full', 'mailboxfull'],
    ],
  ],
  [
    /\bvdeliver\b|\bvmailmgr\b/,
    [
      ['invalid or unknown base user or domain', 'userunknown'],
      ['invalid or unknown virtual user', 'userunknown'],
      ['user and domain do not match', 'userunknown'],
      ['quota violation', 'mailboxfull'],
    ],
  ],
  [
    /\bdovecot\b|\bdeliver\(/,
    [
      ['quota exceeded', 'mailboxfull'],
      ['mailbox is full', 'mailboxfull'],
      ['unknown user', 'userunknown'],
      ["user doesn't exist", 'userunknown'],
      ['not enough disk space', 'systemfull'],
    ],
  ],
];

/** The reason a delivery agent's own message names, when the words quote one. `text` is normalised. */
export function agentVerdict(text: string): Reason | undefined {
  for (const [agent, table] of AGENTS) {
    const at = text.search(agent);
    if (at === -1) continue;
    const said = text.slice(at);
    for (const [phrase, reason] of table) if (said.includes(phrase)) return reason;
  }
  return undefined;
}
