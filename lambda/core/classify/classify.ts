// Decides one recipient's reason by walking THE decision order (order.ts) once.
import type { ParsedRecipient } from '../mta/parser.ts';
import { ENHANCED_STATUS, findSmtpReplyCode } from '../smtp/codes.ts';
import { settleCodes } from '../smtp/settle-codes.ts';
import { firstAddress, MATCH_LIMIT } from '../text.ts';
import type { Reason } from '../types.ts';
import { AGENT_IDS, AGENT_NAMES } from './agents.ts';
import { meaningOfStatus, reasonOfReplyCode } from './codes.ts';
import { BROAD, ORDER, RULES, SPECIFIC, WEAK_VERDICTS } from './order.ts';
import { type ProviderId, providersOf } from './providers.ts';
import { type ProviderWording, type ReasonRule, wordsApply, wordsMatch } from './rule.ts';

export interface Verdict {
  reason: Reason;
  /** Set for `undefined` and `onhold`: what was missing to decide. */
  whyUndecided?: string;
}

/** The words the rules read: lower-cased, white space squeezed, bounded. */
export function normalizeDiagnostic(text: string): string {
  return text.slice(0, MATCH_LIMIT).toLowerCase().replace(/\s+/g, ' ').trim();
}

export function classifyRecipient(recipient: ParsedRecipient): Verdict {
  const given = recipient.reason;
  // Step 1: a format that names the reason with certainty (its own error table) knows best.
  if (given && !WEAK_VERDICTS.has(given)) return { reason: given };
  // Step 2: a success is a success, whatever else the report says.
  const status = recipient.status ?? '';
  if (status.startsWith('2.') || recipient.action === 'delivered') return { reason: 'delivered' };

  const text = normalizeDiagnostic(recipient.diagnosticCode ?? '');
  const command = recipient.command || impliedCommand(text, recipient.commandUnrecorded === true);
  const evidence: Evidence = {
    status,
    text,
    command,
    type: recipient.diagnosticType ?? '',
    given,
    statusDerived: statusDerivedFromReplyCode(status, text),
  };
  const decided =
    providerVerdict(providersOf(recipient, text), text, status, command) ??
    agentVerdict(text) ??
    verdictOfRules(evidence);
  if (decided === 'expired' || (!decided && given === 'expired')) {
    const refusal = refusalBeforeGivingUp(evidence);
    if (refusal) return { reason: refusal };
  }
  if (decided) return { reason: decided };
  if (given) return { reason: given };
  return fallback(recipient, status, text);
}

const CLIENT_STAGES: Readonly<Record<string, Reason>> = {
  CONN: 'blocked',
  HELO: 'blocked',
  EHLO: 'blocked',
  MAIL: 'rejected',
};

/**
 * An MTA's give-up (X.4.7 "delivery time expired", Exim's "retry timeout exceeded", Sendmail's
 * "could not be delivered for N days") says how long it tried, not why it failed. When the bounce
 * keeps the server's refusal of the client in the greeting or at HELO, or of the sender at MAIL FROM,
 * that refusal is why: the words, or else the stage (step 10's reading), decide before the give-up.
 */
function refusalBeforeGivingUp(evidence: Evidence): Reason | undefined {
  const byStage = CLIENT_STAGES[evidence.command];
  if (!byStage || !/^[45]\d\d[ -]/.test(evidence.text)) return undefined;
  const withoutGivingUp = verdictOfRules({
    ...evidence,
    status: evidence.status.endsWith('.4.7') ? '' : evidence.status,
    text: evidence.text.replace(GIVING_UP, ' '),
    given: undefined,
  });
  // The server's own words may say expired too ("Message expired, connection refused"): they stand.
  if (withoutGivingUp === 'expired') return undefined;
  return withoutGivingUp ?? byStage;
}

const GIVING_UP =
  /retry timeout exceeded|retry time not reached[^.]*|been failing for a long time|could not be delivered for[^.]*/g;

/**
 * The command a reply answered when the bounce does not say: Postfix's smtpd words a refusal by the
 * recipient restrictions "<address>: Recipient address rejected: ...", which it sends only in
 * reply to RCPT TO (smtpd_check.c). Other stages' wordings may be delayed to RCPT TO, so only this one.
 * Where the format never records the command (OpenSMTPD), its silence is no evidence of DATA: words
 * that say the recipient does not exist are read where servers say them, at RCPT TO (RFC 5321 3.3:
 * the server verifies each recipient when it is given); Sisimai's "filtered" reading of user-unknown
 * words with no command rests on formats that do record the command when they know it.
 */
function impliedCommand(text: string, unrecorded: boolean): string {
  if (text.includes('recipient address rejected')) return 'RCPT';
  return unrecorded && wordsMatch(RULES.userunknown, text) ? 'RCPT' : '';
}

/**
 * True when the status is the reporting MTA's translation of a bare reply code of many meanings, not
 * the server's own: the words are an SMTP reply ("552 Headers too large") that carries no enhanced status
 * code, yet the report gives a specific one. Sendmail derives one from the reply code (smtptodsn(): 552
 * is 5.2.2, 553 is 5.1.3, 550 after DATA is 5.2.0, a refused RCPT TO is 5.1.1 "User unknown"). Such a
 * status says no more than its reply code, and RFC 5321 gives 550, 552 and 553 to any refused mailbox,
 * exceeded storage or mailbox name: servers use them for sizes, headers, loops and spam alike.
 */
function statusDerivedFromReplyCode(status: string, text: string): boolean {
  return status !== '' && !status.endsWith('.0.0') && MANY_MEANINGS.test(text) && !STATUS_IN_WORDS.test(text);
}

const MANY_MEANINGS = /^55[023][ -]/;
const STATUS_IN_WORDS = new RegExp(String.raw`\b${ENHANCED_STATUS}\b`);

/** A server's reply on its own, as the reply table (test/fixtures/replies.tsv) gives it. */
export interface Reply {
  text: string;
  status?: string;
  replyCode?: string;
  command?: string;
  remoteMta?: string;
  address?: string;
}

/**
 * The reason for one server reply: the same order a bounce's recipient goes through. Without an
 * address, the one the reply names is the recipient (its domain may tell the provider).
 */
export function classifyReply(reply: Reply): Reason {
  const recipient: ParsedRecipient = {
    address: reply.address ?? (firstAddress(reply.text) || 'user@example.net'),
    action: 'failed',
    diagnosticCode: reply.text,
    status: reply.status ?? '',
    replyCode: reply.replyCode ?? findSmtpReplyCode(reply.text),
    command: reply.command ?? '',
    ...(reply.remoteMta ? { remoteMta: reply.remoteMta } : {}),
  };
  return classifyRecipient({ ...recipient, ...settleCodes(recipient) }).reason;
}

interface Evidence {
  status: string;
  /** Normalised words (normalizeDiagnostic). */
  text: string;
  command: string;
  /** Diagnostic-Code type, lower-cased ("smtp", "x-unix"). */
  type: string;
  /** A weak format verdict (order.ts WEAK_VERDICTS). */
  given?: Reason | undefined;
  /** The status is the reporting MTA's reading of a bare reply code: it counts after the words (step 9). */
  statusDerived?: boolean;
}

/** Steps 5 to 9 of the one order. */
export function verdictOfRules(evidence: Evidence): Reason | undefined {
  const { status, text, command, type, given, statusDerived } = evidence;
  const meaning = meaningOfStatus(status);
  // A status whose reason yields to the words of another, or that the reporting MTA derived from the
  // reply code, counts only after every rule's words.
  const yielded =
    meaning.names !== undefined && (statusDerived === true || yields(RULES[meaning.names], text));
  const named = yielded ? undefined : meaning.names;
  for (const reason of SPECIFIC) {
    const rule = RULES[reason];
    if (reason === given) return given;
    if (reason === named && (!rule.statusNeedsWords || wordsMatch(rule, text))) return reason;
    if (claimsByWords(rule, text, command, type)) return reason;
  }
  if (given && given !== 'onhold' && given !== 'undefined') return given;
  if (named) return named;
  for (const reason of BROAD) if (claimsByWords(RULES[reason], text, command, type)) return reason;
  return yielded ? meaning.names : meaning.leansTo;
}

function claimsByWords(rule: ReasonRule, text: string, command: string, type: string): boolean {
  return wordsApply(rule, text, command) || (type !== '' && (rule.diagnosticTypes?.includes(type) ?? false));
}

function yields(rule: ReasonRule, text: string): boolean {
  return rule.yieldsTo?.some((reason) => wordsMatch(RULES[reason], text)) ?? false;
}

type ProviderTable = ReadonlyArray<readonly [reason: Reason, wording: ProviderWording]>;
const providerTables = new Map<ProviderId, ProviderTable>();

/** One provider's codes and words from every rule file, in the one order. */
function providerTable(id: ProviderId): ProviderTable {
  let table = providerTables.get(id);
  if (!table) {
    table = ORDER.flatMap((reason) => {
      const wording = RULES[reason].providers?.[id];
      return wording ? [[reason, wording] as const] : [];
    });
    providerTables.set(id, table);
  }
  return table;
}

/** Step 3: the meaning the answering provider gives its own codes and words. */
function providerVerdict(
  providers: readonly ProviderId[],
  text: string,
  status: string,
  command: string,
): Reason | undefined {
  for (const id of providers) {
    for (const [reason, wording] of providerTable(id)) {
      if (wording.onlyAfter && !wording.onlyAfter.includes(command)) continue;
      if (wording.statuses?.includes(status)) return reason;
      if (wording.words?.some((w) => (typeof w === 'string' ? text.includes(w) : w.test(text))))
        return reason;
    }
  }
  return undefined;
}

/** Step 4: a local delivery agent quoted in the words names the reason in its own terms. */
function agentVerdict(text: string): Reason | undefined {
  for (const agent of AGENT_IDS) {
    const at = text.search(AGENT_NAMES[agent]);
    if (at === -1) continue;
    const said = text.slice(at);
    for (const reason of ORDER) {
      if (RULES[reason].agents?.[agent]?.some((phrase) => said.includes(phrase))) return reason;
    }
  }
  return undefined;
}

/** Steps 10 and 11: what the report's structure still says when no words decided. */
function fallback(recipient: ParsedRecipient, status: string, text: string): Verdict {
  const subject = status.slice(0, 3);
  if (subject === '5.6' || subject === '4.6') return { reason: 'contenterror' };
  if (subject === '5.7' || subject === '4.7') return { reason: 'securityerror' };
  const byReply = reasonOfReplyCode(recipient.replyCode ?? '');
  if (byReply) return { reason: byReply };
  if (recipient.action === 'delayed') return { reason: 'expired' };
  const command = recipient.command ?? '';
  if (command === 'CONN' || command === 'HELO' || command === 'EHLO') return { reason: 'blocked' };
  if (command === 'MAIL') return { reason: 'rejected' };
  if (wordsMatch(RULES.vacation, text)) return { reason: 'vacation' };
  if (text) {
    return { reason: 'onhold', whyUndecided: `no rule matches the server's words: "${text.slice(0, 120)}"` };
  }
  return {
    reason: 'undefined',
    whyUndecided: status
      ? `the bounce gives only the generic status ${status} and no error text`
      : 'the bounce gives no status code, reply code or error text',
  };
}
