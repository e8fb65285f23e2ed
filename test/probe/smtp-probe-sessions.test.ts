// The probe against scripted servers on loopback that fail once the connection is up: silence in each
// phase (reported as a time-out where it happened, with that phase's time), a 421 to EHLO, another
// service's banner, the sender check's commands (never DATA), a 421 to QUIT.
import { afterAll, describe, expect, it } from 'vitest';
import { type ProbeOptions, probeSmtp } from '../../lambda/adapters/smtp-probe.ts';
import { interpretProbe } from '../../lambda/core/probe/interpret.ts';
import type { ProbeResult, ProbeTarget } from '../../lambda/core/probe/types.ts';
import { type Answer, smtpScript, startScripted } from '../helpers/scripted-smtp.ts';
import { PASSWORD, type Running, startSmtp, USER } from '../helpers/smtp-servers.ts';

const running: Running[] = [];
afterAll(async () => {
  await Promise.all(running.map((server) => server.close()));
});

const ENVELOPE = { from: 'support@example.com', to: 'support@example.com' };
const GREETING = '220 localhost ESMTP ready';

async function scripted(firstLine: string | null, answer: Answer) {
  const server = await startScripted(firstLine, answer);
  running.push(server);
  return server;
}

async function probe(
  port: number,
  overrides: Partial<ProbeTarget> & Partial<Pick<ProbeOptions, 'password' | 'timeoutMs'>> = {},
): Promise<ProbeResult> {
  const { password = PASSWORD, timeoutMs = 400, ...target } = overrides;
  const observation = await probeSmtp({
    target: { host: '127.0.0.1', port, security: 'none', user: USER, authMethod: 'plain', ...target },
    password,
    timeoutMs,
  });
  return interpretProbe(observation, {
    now: new Date(),
    thresholds: { slowMs: 60_000, certificateWarnDays: 14 },
  });
}

const sumOf = (result: ProbeResult) =>
  Object.entries(result.timings).reduce(
    (sum, [phase, ms]) => (phase === 'quit' || phase === 'rset' ? sum : sum + ms),
    0,
  );

describe('a server that goes silent is a time-out in that phase, with its time', () => {
  it('silent after EHLO: reply-timeout (ehlo), not "not an SMTP port"; the phase timed and in the total', async () => {
    const server = await scripted(GREETING, smtpScript({ EHLO: null }));
    const result = await probe(server.port);
    expect(result).toMatchObject({
      outcome: 'reply-timeout',
      variant: 'ehlo',
      severity: 'transient',
      failedPhase: 'ehlo',
      failedCommand: 'EHLO',
    });
    expect(result.timings.ehlo).toBeGreaterThanOrEqual(380);
    expect(result.totalMs).toBe(sumOf(result));
    expect(result.totalMs).toBeGreaterThanOrEqual(380);
  });

  it.each([1, 2])(
    'a wrong password answered after the time-out (run %i): reply-timeout (auth) every time, never auth-failed',
    async () => {
      const server = await startSmtp({
        disabledCommands: ['STARTTLS'],
        allowInsecureAuth: true,
        delayMs: 900,
      });
      running.push(server);
      const result = await probe(server.port, { password: 'a wrong password', timeoutMs: 300 });
      expect(result).toMatchObject({
        outcome: 'reply-timeout',
        variant: 'auth',
        failedPhase: 'auth',
        failedCommand: 'AUTH PLAIN',
      });
      expect(result.timings.auth).toBeGreaterThanOrEqual(280);
      expect(result.totalMs).toBe(sumOf(result));
      expect(result.diagnosis.remedy.en).toMatch(/wrong password/);
    },
  );

  it.each([
    ['mail', 'MAIL', 'MAIL FROM', 'transient'],
    ['rcpt', 'RCPT', 'RCPT TO', 'transient'],
    ['quit', 'QUIT', 'QUIT', 'warning'],
  ] as const)(
    'silent at %s (the sender check on): reply-timeout (%s)',
    async (phase, verb, command, severity) => {
      const server = await scripted(GREETING, smtpScript({ [verb]: null }));
      const result = await probe(server.port, { envelope: ENVELOPE });
      expect(result).toMatchObject({
        outcome: 'reply-timeout',
        variant: phase,
        severity,
        failedCommand: command,
      });
      expect(result.timings[phase]).toBeGreaterThanOrEqual(380);
    },
  );
});

describe('refusals and strangers once connected', () => {
  it('a 421 to EHLO (a busy server) is greeting-rejected (temporary), transient', async () => {
    const server = await scripted(
      GREETING,
      smtpScript({ EHLO: '421 4.7.0 Try again later, closing connection.' }),
    );
    const result = await probe(server.port);
    expect(result).toMatchObject({
      outcome: 'greeting-rejected',
      variant: 'temporary',
      severity: 'transient',
      replyCode: 421,
      failedPhase: 'ehlo',
    });
  });

  it.each([
    [
      'IMAP',
      '* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS] Dovecot ready.',
    ],
    ['SSH', 'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3'],
  ])('an %s banner: protocol-error (not-smtp) showing the line it sent', async (_name, banner) => {
    const server = await scripted(banner, () => null);
    const result = await probe(server.port);
    expect(result).toMatchObject({ outcome: 'protocol-error', variant: 'not-smtp', replyText: banner });
  });

  it('a 421 to QUIT (a submission server whose relay is down) is reported, not ignored', async () => {
    const server = await scripted(
      GREETING,
      smtpScript({ QUIT: '421 4.4.0 localhost Failed to connect to relay server (connect)' }),
    );
    const result = await probe(server.port);
    expect(result).toMatchObject({
      outcome: 'relay-unavailable',
      severity: 'transient',
      replyCode: 421,
      failedPhase: 'quit',
      failedCommand: 'QUIT',
    });
  });
});

describe('the sender check', () => {
  it('sends MAIL FROM, RCPT TO, RSET and QUIT — never DATA, even to a server that offers PIPELINING', async () => {
    const server = await scripted(GREETING, smtpScript());
    const result = await probe(server.port, { envelope: ENVELOPE });
    expect(result).toMatchObject({ outcome: 'ok', envelope: ENVELOPE });
    expect(server.commands.map((line) => line.split(/[ :]/, 1)[0])).toEqual([
      'EHLO',
      'AUTH',
      'MAIL',
      'RCPT',
      'RSET',
      'QUIT',
    ]);
    expect(server.commands).toContain('MAIL FROM:<support@example.com>');
    expect(server.commands).toContain('RCPT TO:<support@example.com>');
    for (const phase of ['mail', 'rcpt', 'rset', 'quit']) expect(result.timings).toHaveProperty(phase);
  });

  it('a refused sender at MAIL FROM: no RCPT, no RSET, then QUIT', async () => {
    const server = await scripted(
      GREETING,
      smtpScript({ MAIL: '550 5.7.60 SMTP; Client does not have permissions to send as this sender' }),
    );
    const result = await probe(server.port, { envelope: ENVELOPE });
    expect(result).toMatchObject({
      outcome: 'sender-refused',
      variant: 'not-owned',
      replyCode: 550,
      enhancedCode: '5.7.60',
      failedCommand: 'MAIL FROM',
    });
    expect(server.commands.at(-1)).toBe('QUIT');
    expect(server.commands.some((line) => /^(RCPT|RSET|DATA)/.test(line))).toBe(false);
  });
});

describe('the time-out', () => {
  it('is refused beyond 600 s, where Node would turn the timers into 1 ms and find every server down', async () => {
    const options = {
      target: { host: '127.0.0.1', port: 1, security: 'none', user: USER, authMethod: 'plain' },
    };
    for (const timeoutMs of [2 ** 31, 600_001, 0, Number.NaN]) {
      await expect(probeSmtp({ ...options, password: PASSWORD, timeoutMs } as ProbeOptions)).rejects.toThrow(
        RangeError,
      );
    }
  });
});
