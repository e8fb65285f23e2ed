// When the probe alerts: state changes only, transient failures after N in a row, an all-clear on recovery.
import { describe, expect, it } from 'vitest';
import { alertMessage } from '../../lambda/core/probe/alert-message.ts';
import { type AlertState, nextAlertState } from '../../lambda/core/probe/alert-state.ts';
import type { AnyVariant, Outcome, ProbeResult, Severity } from '../../lambda/core/probe/types.ts';

type Run = readonly [Outcome, Severity, AnyVariant?];

const OK: Run = ['ok', 'ok'];
const AUTH: Run = ['auth-failed', 'failure', 'bad-credentials'];
const TENANT: Run = ['auth-failed', 'failure', 'smtp-auth-disabled'];
const TIMEOUT: Run = ['connect-timeout', 'transient', 'tcp'];
const BUSY: Run = ['greeting-rejected', 'transient', 'temporary'];
const EXPIRING: Run = ['certificate-expiring', 'warning'];
const SLOW: Run = ['slow', 'warning'];

function result([outcome, severity, variant]: Run, index: number): ProbeResult {
  return {
    host: 'smtp.example.com',
    port: 587,
    security: 'starttls',
    user: 'ops@example.com',
    authMethod: 'plain',
    checkedAt: new Date(Date.UTC(2026, 5, 1, 0, 5 * index)).toISOString(),
    outcome,
    ...(variant ? { variant } : {}),
    severity,
    timings: {},
    totalMs: 0,
    timeoutMs: 10_000,
    addresses: [],
    authMechanisms: [],
    configWarnings: [],
    diagnosis: { summary: { ja: '内容', en: 'summary' }, remedy: { ja: '対処', en: 'remedy' } },
  };
}

/** Runs a sequence of probe results through the state machine; one letter per run: . none, A alert, C all-clear. */
function alerts(runs: readonly Run[], transientAlertAfter = 3): string {
  let state: AlertState | undefined;
  return runs
    .map((run, index) => {
      const next = nextAlertState(state, result(run, index), { transientAlertAfter });
      state = next.state;
      return { none: '.', alert: 'A', 'all-clear': 'C' }[next.decision.kind];
    })
    .join('');
}

describe('nextAlertState', () => {
  it.each([
    ['ok → fail → fail → ok: one alert and one all-clear', [OK, AUTH, AUTH, OK], '.A.C'],
    ['steady ok: nothing', [OK, OK, OK], '...'],
    ['a failure on the first run alerts', [AUTH], 'A'],
    ['a lasting failure alerts once', [AUTH, AUTH, AUTH, AUTH], 'A...'],
    ['transient: only after 3 in a row', [TIMEOUT, TIMEOUT, TIMEOUT, TIMEOUT], '..A.'],
    [
      'transient that passes before 3: nothing, not even an all-clear',
      [TIMEOUT, TIMEOUT, OK, TIMEOUT],
      '....',
    ],
    ['transients of different kinds count together', [TIMEOUT, BUSY, TIMEOUT], '..A'],
    ['transient alerted, then recovery: all-clear', [TIMEOUT, TIMEOUT, TIMEOUT, OK], '..AC'],
    ['a different failure while alerting alerts again', [AUTH, TENANT, TENANT], 'AA.'],
    ['worse while alerting (transient → failure) alerts again', [TIMEOUT, TIMEOUT, TIMEOUT, AUTH], '..AA'],
    [
      'milder while alerting (failure → transient) stays quiet',
      [AUTH, TIMEOUT, TIMEOUT, TIMEOUT, AUTH],
      'A....',
    ],
    [
      'transients flapping while alerting stay quiet',
      [TIMEOUT, TIMEOUT, TIMEOUT, BUSY, TIMEOUT, BUSY],
      '..A...',
    ],
    ['a certificate warning alerts once, then the all-clear when renewed', [EXPIRING, EXPIRING, OK], 'A.C'],
    ['a warning that turns into a failure alerts again', [EXPIRING, AUTH], 'AA'],
    ['slowness alerts only when it lasts', [SLOW, OK, SLOW, SLOW, SLOW, SLOW], '....A.'],
  ] as const)('%s', (_name, runs, expected) => {
    expect(alerts(runs)).toBe(expected);
  });

  it('takes N from the policy: 1 alerts transients at once', () => {
    expect(alerts([TIMEOUT, OK], 1)).toBe('AC');
  });

  it('remembers the open alert and the consecutive failures in the state it returns', () => {
    const first = nextAlertState(undefined, result(TIMEOUT, 0), { transientAlertAfter: 2 });
    expect(first.state).toMatchObject({ failureRuns: 1, lastOutcome: 'connect-timeout' });
    expect(first.state.openAlert).toBeUndefined();
    const second = nextAlertState(first.state, result(TIMEOUT, 1), { transientAlertAfter: 2 });
    expect(second.decision).toEqual({ kind: 'alert', why: 'new' });
    expect(second.state.openAlert).toMatchObject({
      outcome: 'connect-timeout',
      since: '2026-06-01T00:05:00.000Z',
    });
    const cleared = nextAlertState(second.state, result(OK, 2), { transientAlertAfter: 2 });
    expect(cleared.decision).toMatchObject({ kind: 'all-clear', resolved: { outcome: 'connect-timeout' } });
    expect(cleared.state).toMatchObject({ failureRuns: 0 });
    expect(cleared.state.openAlert).toBeUndefined();
  });
});

describe('alertMessage', () => {
  it('writes an ASCII SNS subject and ja + en bodies with the diagnosis', () => {
    const message = alertMessage({ kind: 'alert', why: 'new' }, result(AUTH, 0));
    expect(message.subject).toBe('[FAILURE] SMTP probe: smtp.example.com:587 auth-failed (bad-credentials)');
    expect(message.subjectLocal.ja).toContain('SMTP 送信確認');
    expect(message.body.ja).toContain('対処: 対処');
    expect(message.body.en).toContain('what to do: remedy');
  });

  it('says what was resolved in an all-clear', () => {
    const resolved = {
      outcome: 'auth-failed',
      variant: 'bad-credentials',
      severity: 'failure',
      since: 'T0',
    } as const;
    const message = alertMessage({ kind: 'all-clear', resolved }, result(OK, 1));
    expect(message.subject).toBe('[RECOVERED] SMTP probe: smtp.example.com:587 ok');
    expect(message.body.en).toContain('since T0 (auth-failed (bad-credentials)) is over');
  });
});
