// Local delivery agents (the programs that write into a mailbox) print their own errors, which MTAs
// quote in the bounce: "mail.local: unknown user", "maildrop: maildir over quota.". What each agent
// prints for a reason is in that reason's rule file (`agents`); here is how each agent is named.
export const AGENT_IDS = [
  'mail.local',
  'procmail',
  'maildrop',
  'vpopmail',
  'vmailmgr',
  'dovecot',
  'exim-pipe',
] as const;
export type AgentId = (typeof AGENT_IDS)[number];

/** How the agent names itself in the words an MTA quotes (lower-cased text). */
export const AGENT_NAMES: Readonly<Record<AgentId, RegExp>> = {
  'mail.local': /\bmail\.local\b/,
  procmail: /\bprocmail\b/,
  maildrop: /\bmaildrop\b/,
  vpopmail: /\bv(?:deliver)?mail|\bvpopmail\b/,
  vmailmgr: /\bvdeliver\b|\bvmailmgr\b/,
  dovecot: /\bdovecot\b|\bdeliver\(/,
  // Exim's pipe and appendfile transports name the program's sysexits.h code: "returned 67 (could
  // mean user nonexistent)".
  'exim-pipe': /\bchild process of \S+ transport returned\b/,
};
