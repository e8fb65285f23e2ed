// The lab's cases: a reason-balanced sample of the reply table, each answered at the SMTP stage the
// table names (or the one its reason implies), each sent through two to five MTAs; plus the faults
// no reply stands for (a refused connection, a silent server, a domain that does not exist, a
// resolver that fails) and the reason a careful reader of the bounce would give each.
import { createHash } from 'node:crypto';
import type { Reason } from '../../lambda/core/types.ts';
import {
  type Destination,
  NXDOMAIN,
  ownDestination,
  providerOf,
  REFUSED,
  SENDER_DOMAIN,
  SERVFAIL,
  SILENT,
  sharedDestination,
} from './destinations.ts';
import { isSmtpReply, readReplyTable, type TableReply } from './replies.ts';

export const MTAS = ['postfix', 'exim', 'opensmtpd', 'sendmail', 'courier'] as const;
export type MtaName = (typeof MTAS)[number];
export type Stage = 'CONN' | 'HELO' | 'MAIL' | 'RCPT' | 'DATA';
export type Fault = 'refused' | 'silent' | 'nxdomain' | 'servfail';

export interface LabCase {
  /** Four digits: the fixture's file name under each MTA's folder. */
  id: string;
  /** A reply from the table, or a fault of the lab's own. */
  reply?: TableReply;
  fault?: Fault;
  stage: Stage | 'NONE';
  destination: Destination;
  recipient: string;
  /** The reason the reply means (the table's), or the one the fault means. */
  reason: Reason;
  /** The enhanced status the reply carries ("" when it carries none: the MTA's own is not scored). */
  status: string;
  mtas: MtaName[];
}

/** At most this many replies of one reason, so that no reason outweighs the others. */
const PER_REASON = 12;
/** Reasons no reply from a remote server stands for in the lab. */
const SKIPPED_REASONS: ReadonlySet<Reason> = new Set<Reason>(['delivered', 'onhold', 'vacation', 'feedback']);
/** Commands a relaying MTA does not send to a recipient's server here (no AUTH, no TLS in the lab). */
const SKIPPED_COMMANDS = new Set(['AUTH', 'STARTTLS']);

export function senderOf(id: string, mta: MtaName): string {
  return `s${id}-${mta}@${SENDER_DOMAIN}`;
}

/**
 * The lab's cases. Sample 1 is the committed fixtures' (with the faults); sample 2 takes the next
 * replies of each reason, never used to fix the decoder: a check of how the fixes generalise.
 */
export function labCases(sampleNumber = 1): LabCase[] {
  const sample = sampleReplies(readReplyTable(), sampleNumber);
  const cases = sample.map((reply, i) => replyCase(reply, (sampleNumber - 1) * 1000 + i + 1));
  if (sampleNumber !== 1) return cases;
  const faults: ReadonlyArray<readonly [Fault, Destination | string, Reason]> = [
    // A connection refused or timed out until the MTA gave up is expired (docs/accuracy.md).
    ['refused', REFUSED, 'expired'],
    ['silent', SILENT, 'expired'],
    ['nxdomain', NXDOMAIN, 'hostunknown'],
    // A resolver failure that lasted until the MTA gave up: "try again" is networkerror.
    ['servfail', SERVFAIL, 'networkerror'],
  ];
  faults.forEach(([fault, where, reason], i) => {
    const id = String(900 + i).padStart(4, '0');
    const destination = typeof where === 'string' ? { domain: where, host: '', ip: '' } : where;
    cases.push({
      id,
      fault,
      stage: 'NONE',
      destination,
      recipient: `rcpt${id}@${destination.domain}`,
      reason,
      status: '',
      mtas: [...MTAS],
    });
  });
  return cases;
}

/**
 * Up to PER_REASON replies per reason, taken in turn from each source so that no source dominates;
 * sample N skips the replies of the samples before it.
 */
export function sampleReplies(rows: readonly TableReply[], sampleNumber = 1): TableReply[] {
  const byReason = new Map<Reason, TableReply[]>();
  for (const row of rows) {
    if (!isSmtpReply(row.text) || row.text.startsWith('2')) continue;
    if (SKIPPED_REASONS.has(row.reason) || SKIPPED_COMMANDS.has(row.command)) continue;
    byReason.set(row.reason, [...(byReason.get(row.reason) ?? []), row]);
  }
  const sample: TableReply[] = [];
  for (const reason of [...byReason.keys()].sort()) {
    const bySource = new Map<string, TableReply[]>();
    for (const row of (byReason.get(reason) ?? []).sort((a, b) => hash(a.text).localeCompare(hash(b.text))))
      bySource.set(row.source, [...(bySource.get(row.source) ?? []), row]);
    const queues = [...bySource.values()];
    const taken: TableReply[] = [];
    const wanted = PER_REASON * sampleNumber;
    while (taken.length < wanted && queues.some((q) => q.length > 0)) {
      for (const queue of queues) {
        const next = queue.shift();
        if (next && taken.length < wanted) taken.push(next);
      }
    }
    sample.push(...taken.slice(PER_REASON * (sampleNumber - 1)).sort((a, b) => a.line - b.line));
  }
  return sample;
}

function replyCase(reply: TableReply, n: number): LabCase {
  const id = String(n).padStart(4, '0');
  const stage = stageOf(reply);
  const provider = providerOf(reply);
  const destination =
    stage === 'CONN' || stage === 'HELO' ? ownDestination(provider, n, id) : sharedDestination(provider);
  return {
    id,
    reply,
    stage,
    destination,
    recipient: `rcpt${id}@${destination.domain}`,
    reason: reply.reason,
    status: /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})\b/.exec(reply.text)?.[1] ?? '',
    mtas: mtasOf(n),
  };
}

/** Replies about the message itself, given after its data. */
const AFTER_DATA: ReadonlySet<Reason> = new Set<Reason>([
  'spamdetected',
  'virusdetected',
  'contenterror',
  'mesgtoobig',
  'notcompliantrfc',
  'policyviolation',
  'authfailure',
  'filtered',
  'mailererror',
]);
/** Refusals of the connecting client, given in the greeting when the words speak of the connection. */
const OF_THE_CLIENT: ReadonlySet<Reason> = new Set<Reason>([
  'blocked',
  'badreputation',
  'requireptr',
  'toomanyconn',
]);

/**
 * The stage the reply answers: the table's command when it names one; otherwise the stage the reason
 * belongs to (a refused sender at MAIL FROM, a message's content after DATA, a client refused for
 * its connections in the greeting, everything about a recipient at RCPT TO).
 */
export function stageOf(reply: TableReply): Stage {
  const command = reply.command === 'EHLO' ? 'HELO' : reply.command;
  if (
    command === 'CONN' ||
    command === 'HELO' ||
    command === 'MAIL' ||
    command === 'RCPT' ||
    command === 'DATA'
  )
    return command;
  if (AFTER_DATA.has(reply.reason)) return 'DATA';
  if (reply.reason === 'rejected' || reply.reason === 'failedstarttls') return 'MAIL';
  if (OF_THE_CLIENT.has(reply.reason) && /connection|not accepting/i.test(reply.text)) return 'CONN';
  return 'RCPT';
}

/** Two MTAs for most replies, three for every third, all five for every tenth; rotating so each MTA gets its share. */
function mtasOf(n: number): MtaName[] {
  const count = n % 10 === 0 ? 5 : n % 3 === 0 ? 3 : 2;
  return Array.from({ length: count }, (_, k) => MTAS[(n + k) % MTAS.length] as MtaName);
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
