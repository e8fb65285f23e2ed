// The probe's verdicts on what happens after the connection is up: time-outs in each phase, a busy
// server at EHLO, another service's banner, the sender check's replies, a 421 at QUIT. Pure: no network.
import { describe, expect, it } from 'vitest';
import { interpretProbe } from '../../lambda/core/probe/interpret.ts';
import { probeReportLines } from '../../lambda/core/probe/report-text.ts';
import type { ProbeFailure, ProbeObservation, ProbeTarget } from '../../lambda/core/probe/types.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const TARGET: ProbeTarget = {
  host: 'smtp.example.com',
  port: 587,
  security: 'starttls',
  user: 'ops@example.com',
  authMethod: 'plain',
  envelope: { from: 'support@example.com', to: 'support@example.com' },
};
const EHLO = '250-smtp.example.com\n250-PIPELINING\n250 AUTH PLAIN LOGIN';

function observed(overrides: Partial<ProbeObservation> = {}): ProbeObservation {
  return {
    target: TARGET,
    timeoutMs: 3000,
    addresses: ['192.0.2.10'],
    timings: { dns: 5, connect: 10, greeting: 20, ehlo: 5, starttls: 15, auth: 10 },
    greeting: '220 smtp.example.com ESMTP',
    ehlo: EHLO,
    tls: { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', authorized: true },
    authAttempted: true,
    authenticated: true,
    envelopeAccepted: false,
    ...overrides,
  };
}

function failedAt(failure: ProbeFailure, overrides: Partial<ProbeObservation> = {}): ProbeObservation {
  const authenticated = ['mail', 'rcpt', 'rset', 'quit'].includes(failure.phase);
  return observed({ authenticated, failure, ...overrides });
}

const interpret = (observation: ProbeObservation) =>
  interpretProbe(observation, { now: NOW, thresholds: { slowMs: 60_000, certificateWarnDays: 14 } });

describe('a server that stops answering is a time-out in the phase where it happened', () => {
  it.each([
    ['tls', 'CONN', 'transient'],
    ['ehlo', 'EHLO', 'transient'],
    ['starttls', 'STARTTLS', 'transient'],
    ['auth', 'AUTH PLAIN', 'transient'],
    ['mail', 'MAIL FROM', 'transient'],
    ['rcpt', 'RCPT TO', 'transient'],
    ['rset', 'RSET', 'transient'],
    ['quit', 'QUIT', 'warning'],
  ] as const)('in %s (%s): reply-timeout, %s, with that phase and its time', (phase, command, severity) => {
    const timings = { dns: 5, connect: 10, greeting: 20, [phase]: 3004 };
    const result = interpret(
      failedAt({ phase, code: 'ETIMEDOUT', message: 'Timeout', command }, { timings }),
    );
    expect(result).toMatchObject({
      outcome: 'reply-timeout',
      variant: phase,
      severity,
      failedPhase: phase,
      failedCommand: command,
      timeoutMs: 3000,
    });
    expect(result.timings[phase]).toBe(3004);
    expect(result.totalMs).toBe(phase === 'rset' || phase === 'quit' ? 35 : 3039);
    expect(result.replyText).toBeUndefined();
    expect(result.diagnosis.summary.en).toContain('3000 ms');
    expect(result.diagnosis.summary.ja).toContain('3000');
  });

  it('a login answered after the time-out is not "the server refused the login", nor asks to read a reply', () => {
    const result = interpret(
      failedAt(
        { phase: 'auth', code: 'ETIMEDOUT', message: 'Timeout', command: 'AUTH PLAIN' },
        { authenticated: false },
      ),
    );
    expect(result.outcome).toBe('reply-timeout');
    expect(result.diagnosis.summary.en).not.toMatch(/refused/);
    expect(result.diagnosis.remedy.en).not.toMatch(/replyText|reply/);
    expect(result.diagnosis.remedy.en).toMatch(/delay|password/);
  });

  it('the report names the phase with its time and a total that includes it', () => {
    const result = interpret(
      failedAt(
        { phase: 'ehlo', code: 'ETIMEDOUT', message: 'Timeout', command: 'EHLO' },
        { timings: { dns: 1, connect: 2, greeting: 4, ehlo: 3900 } },
      ),
    );
    const lines = probeReportLines(result, 'en').join('\n');
    expect(lines).toContain('timings: dns 1 ms, connect 2 ms, greeting 4 ms, ehlo 3900 ms (total 3907 ms)');
    expect(lines).toContain('outcome: reply-timeout (ehlo)');
  });
});

describe('refusals at EHLO', () => {
  it.each([
    ['421 4.7.0 Try again later, closing connection. (EHLO)', 'temporary', 'transient'],
    ['554 5.7.1 Your HELO name is not allowed', 'permanent', 'failure'],
  ] as const)('"%s" is greeting-rejected (%s), not a protocol error', (response, variant, severity) => {
    const result = interpret(
      failedAt(
        { phase: 'ehlo', code: 'ECONNECTION', response, message: '', command: 'EHLO' },
        { authenticated: false },
      ),
    );
    expect(result).toMatchObject({ outcome: 'greeting-rejected', variant, severity, failedPhase: 'ehlo' });
  });
});

describe('another service on the port', () => {
  it.each([
    ['an IMAP server', '* OK [CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN] Dovecot ready.'],
    ['an SSH server', 'SSH-2.0-OpenSSH_9.6p1 Debian-3'],
  ])('%s: protocol-error (not-smtp), and the report shows its first line', (_name, banner) => {
    const result = interpret(
      failedAt(
        { phase: 'greeting', code: 'EPROTOCOL', response: banner, message: '', command: 'CONN' },
        { authenticated: false, greeting: banner, timings: { dns: 1, connect: 1, greeting: 3 } },
      ),
    );
    expect(result).toMatchObject({ outcome: 'protocol-error', variant: 'not-smtp', replyText: banner });
    expect(result.replyCode).toBeUndefined();
    expect(probeReportLines(result, 'en')).toContain(`server reply: ${banner}`);
  });

  it('escapes control characters and cuts a long banner short', () => {
    const banner = `\x1b[31mHELLO\x1b[0m\x07 ${'x'.repeat(2000)}\r\nsecond line`;
    const result = interpret(
      failedAt(
        { phase: 'greeting', code: 'EPROTOCOL', response: banner, message: '' },
        { authenticated: false },
      ),
    );
    expect(result.replyText).toMatch(/^\\x1b\[31mHELLO\\x1b\[0m\\x07 x+/);
    expect(result.replyText?.length).toBeLessThan(400);
    expect(result.replyText).not.toContain('second line');
  });

  it('a connection dropped without a word is protocol-error (closed), whose advice asks for no reply', () => {
    const result = interpret(
      failedAt(
        { phase: 'auth', code: 'ECONNECTION', message: 'Connection closed unexpectedly', command: 'CONN' },
        { authenticated: false },
      ),
    );
    expect(result).toMatchObject({ outcome: 'protocol-error', variant: 'closed' });
    expect(result.diagnosis.remedy.en).not.toMatch(/replyText/);
  });
});

describe('the sender check', () => {
  it('both addresses accepted: ok, and the advice says so', () => {
    const result = interpret(
      observed({ envelopeAccepted: true, timings: { dns: 1, connect: 1, auth: 1, mail: 2, rcpt: 3 } }),
    );
    expect(result).toMatchObject({
      outcome: 'ok',
      severity: 'ok',
      envelope: TARGET.envelope,
      totalMs: 8,
    });
    expect(result.diagnosis.summary.en).toContain('support@example.com');
  });

  it.each([
    // Postfix smtpd_sender_login_maps + reject_sender_login_mismatch, at RCPT TO (smtpd_delay_reject)
    [
      'rcpt',
      '553 5.7.1 <support@example.com>: Sender address rejected: not owned by user ops@example.com',
      'sender-refused',
      'not-owned',
    ],
    [
      'mail',
      '553 5.7.1 <support@example.com>: Sender address rejected: not owned by user ops@example.com',
      'sender-refused',
      'not-owned',
    ],
    // Dovecot submission passing on a relay's refusal from a relay without ENHANCEDSTATUSCODES
    [
      'rcpt',
      '553 5.0.0 5.7.1 <support@example.com>: Sender address rejected: not owned by user ops@example.com',
      'sender-refused',
      'not-owned',
    ],
    // Exchange Online SendAsDenied
    [
      'mail',
      '550 5.7.60 SMTP; Client does not have permissions to send as this sender',
      'sender-refused',
      'not-owned',
    ],
    [
      'mail',
      '553 5.7.0 ops@example.com is not authorized to send as support@example.com',
      'sender-refused',
      'not-owned',
    ],
    // Postfix reject_unknown_sender_domain, permanent and temporary
    [
      'rcpt',
      '550 5.1.8 <support@example.invalid>: Sender address rejected: Domain not found',
      'sender-refused',
      'domain-refused',
    ],
    [
      'rcpt',
      '450 4.1.8 <support@example.com>: Sender address rejected: Domain not found',
      'sender-refused',
      'domain-refused',
    ],
    ['mail', '501 5.5.4 Invalid FROM: Invalid character in localpart', 'sender-refused', 'other'],
    [
      'rcpt',
      '554 5.7.1 <support@example.com>: Sender address rejected: Access denied',
      'sender-refused',
      'other',
    ],
    // Dovecot submission whose relay is down; a relay's temporary failure
    [
      'mail',
      '421 4.4.0 smtp.example.com Failed to connect to relay server (connect)',
      'relay-unavailable',
      undefined,
    ],
    ['mail', '451 4.3.0 Temporary lookup failure', 'relay-unavailable', undefined],
    ['rcpt', '451 4.3.0 <support@example.com>: Temporary lookup failure', 'relay-unavailable', undefined],
    ['rcpt', '554 5.7.1 <support@example.com>: Relay access denied', 'recipient-refused', 'relay-denied'],
    [
      'rcpt',
      '550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown',
      'recipient-refused',
      'other',
    ],
  ] as const)('%s answered "%s": %s (%s)', (phase, response, outcome, variant) => {
    const command = phase === 'mail' ? 'MAIL FROM' : 'RCPT TO';
    const result = interpret(failedAt({ phase, code: 'EENVELOPE', response, message: '', command }));
    expect(result).toMatchObject({ outcome, failedPhase: phase, failedCommand: command });
    expect(result.variant).toBe(variant);
    expect(result.severity).toBe(response.startsWith('4') ? 'transient' : 'failure');
    expect(result.diagnosis.summary.ja).not.toMatch(/\{\w+\}/);
    expect(result.diagnosis.remedy.en).not.toMatch(/\{\w+\}/);
  });

  it('a 421 at QUIT is reported, not ignored', () => {
    const result = interpret(
      failedAt({
        phase: 'quit',
        code: 'EPROTOCOL',
        response: '421 4.4.0 smtp.example.com Failed to connect to relay server (connect)',
        message: '',
        command: 'QUIT',
      }),
    );
    expect(result).toMatchObject({
      outcome: 'relay-unavailable',
      severity: 'transient',
      failedCommand: 'QUIT',
      replyCode: 421,
    });
  });

  it('AUTH offered only after STARTTLS with security none: auth-unavailable (needs-tls)', () => {
    const result = interpret(
      observed({
        target: { ...TARGET, security: 'none' },
        tls: undefined,
        authAttempted: false,
        authenticated: false,
        ehlo: '250-localhost\n250-AUTH\n250-STARTTLS\n250 PIPELINING',
      }),
    );
    expect(result).toMatchObject({ outcome: 'auth-unavailable', variant: 'needs-tls', severity: 'failure' });
    expect(result.diagnosis.remedy.en).toMatch(/starttls/);
  });
});

describe('text from outside in the report', () => {
  it('escapes control characters in the user name, the reply and the addresses', () => {
    const result = interpret(
      failedAt(
        {
          phase: 'auth',
          code: 'EAUTH',
          response: '535 5.7.8 bad \x1b]0;pwned\x07',
          message: '',
          command: 'AUTH PLAIN',
        },
        { authenticated: false, target: { ...TARGET, user: 'ops\r\n\x1b[2Jroot' } },
      ),
    );
    const text = probeReportLines(result, 'en').join('\n');
    expect([...text].filter((char) => char < ' ' && char !== '\n')).toEqual([]);
    expect(text).toContain('ops\\r\\n\\x1b[2Jroot');
  });
});
