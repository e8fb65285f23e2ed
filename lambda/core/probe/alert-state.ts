// When the probe alerts: on a change of state, not on every run. Pure: last state + new result → next state
// and what to send.
//
// - An ok run closes an open alert with an all-clear.
// - A problem is confirmed at once when it is a failure or a warning; a transient one (4xx, time-out)
//   and `slow` only after `transientAlertAfter` runs in a row.
// - A confirmed problem opens an alert when none is open. While one is open, it alerts again only when
//   the problem gets worse (warning → transient → failure) or turns into a different failure.
import type { AnyVariant, Outcome, ProbeResult, Severity } from './types.ts';

export interface OpenAlert {
  outcome: Outcome;
  variant?: AnyVariant;
  severity: Severity;
  since: string;
}

export interface AlertState {
  version: 1;
  openAlert?: OpenAlert;
  /** Consecutive runs that failed (severity failure or transient). */
  failureRuns: number;
  /** Consecutive runs that were slow. */
  slowRuns: number;
  lastOutcome: Outcome;
  lastVariant?: AnyVariant;
  lastSeverity: Severity;
  lastCheckedAt: string;
}

export type AlertDecision =
  | { kind: 'none' }
  | { kind: 'alert'; why: 'new' | 'worse' | 'changed'; previous?: OpenAlert }
  | { kind: 'all-clear'; resolved: OpenAlert };

export interface AlertPolicy {
  /** Runs in a row a transient failure (or slowness) must last before it alerts. */
  transientAlertAfter: number;
}

const RANK: Readonly<Record<Severity, number>> = { ok: 0, warning: 1, transient: 2, failure: 3 };

export function nextAlertState(
  previous: AlertState | undefined,
  result: ProbeResult,
  policy: AlertPolicy,
): { state: AlertState; decision: AlertDecision } {
  const failing = result.severity === 'failure' || result.severity === 'transient';
  const base = {
    version: 1 as const,
    failureRuns: failing ? (previous?.failureRuns ?? 0) + 1 : 0,
    slowRuns: result.outcome === 'slow' ? (previous?.slowRuns ?? 0) + 1 : 0,
    lastOutcome: result.outcome,
    ...(result.variant ? { lastVariant: result.variant } : {}),
    lastSeverity: result.severity,
    lastCheckedAt: result.checkedAt,
  };
  const open = previous?.openAlert;
  if (result.severity === 'ok') {
    return { state: base, decision: open ? { kind: 'all-clear', resolved: open } : { kind: 'none' } };
  }
  const keep = {
    state: { ...base, ...(open ? { openAlert: open } : {}) },
    decision: { kind: 'none' } as const,
  };
  if (!isConfirmed(result, base, policy)) return keep;
  const alert: OpenAlert = {
    outcome: result.outcome,
    ...(result.variant ? { variant: result.variant } : {}),
    severity: result.severity,
    since: result.checkedAt,
  };
  const opened = { ...base, openAlert: alert };
  if (!open) return { state: opened, decision: { kind: 'alert', why: 'new' } };
  if (open.outcome === alert.outcome && open.variant === alert.variant) return keep;
  if (RANK[alert.severity] > RANK[open.severity]) {
    return { state: opened, decision: { kind: 'alert', why: 'worse', previous: open } };
  }
  if (alert.severity === 'failure') {
    return { state: opened, decision: { kind: 'alert', why: 'changed', previous: open } };
  }
  return keep;
}

function isConfirmed(
  result: ProbeResult,
  runs: { failureRuns: number; slowRuns: number },
  policy: AlertPolicy,
): boolean {
  if (result.severity === 'transient') return runs.failureRuns >= policy.transientAlertAfter;
  if (result.outcome === 'slow') return runs.slowRuns >= policy.transientAlertAfter;
  return true;
}
