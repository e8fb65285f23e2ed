// Turns a decoded report into the one diagnosis a support person reads: category, summary, remedy.

import { RULES } from '../classify/order.ts';
import type { BounceReport, Reason, RecipientResult } from '../types.ts';
import type { Category } from './categories.ts';
import { type Advice, CARRIER_ADVICE, type LocalText, REASON_ADVICE } from './reasons.ts';

export interface Diagnosis {
  category: Category;
  /** The reason the diagnosis is about (the first failed recipient's). */
  reason: Reason;
  summary: LocalText;
  remedy: LocalText;
}

/** Reasons for which a carrier address's domain filter is a likely cause. */
const CARRIER_FILTER_REASONS = new Set<Reason>([
  'userunknown',
  'filtered',
  'rejected',
  'blocked',
  'spamdetected',
  'policyviolation',
  'suspend',
  'onhold',
  'undefined',
]);

export function diagnoseReport(report: BounceReport): Diagnosis {
  const primary = primaryRecipient(report.recipients);
  const reason: Reason = primary?.reason ?? (report.kind === 'not-bounce' ? 'undefined' : 'onhold');
  const advice = adviceFor(reason, primary);
  return { category: RULES[reason].category, reason, ...advice };
}

/** The recipient a ticket is about: the first that failed, else the first of any kind. */
export function primaryRecipient(recipients: readonly RecipientResult[]): RecipientResult | undefined {
  return recipients.find((r) => r.action === 'failed') ?? recipients[0];
}

function adviceFor(reason: Reason, recipient: RecipientResult | undefined): Advice {
  const base = REASON_ADVICE[reason];
  if (!recipient?.carrier || !CARRIER_FILTER_REASONS.has(reason)) return base;
  return {
    summary: join(base.summary, CARRIER_ADVICE.summary),
    remedy: join(CARRIER_ADVICE.remedy, base.remedy),
  };
}

function join(a: LocalText, b: LocalText): LocalText {
  return { ja: `${a.ja}${b.ja}`, en: `${a.en} ${b.en}` };
}
