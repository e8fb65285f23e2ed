// Sendmail keeps the remote server's last reply in the session transcript; its DSN may miss it (the
// Diagnostic-Code holds the QUIT's "221 closing connection", or nothing), and without a DSN the
// recipients are in savemail.c's address blocks. Notices written from sendmail's savemail.c.
import { describe, expect, it } from 'vitest';
import { decodeBounce } from '../../../lambda/core/decode.ts';

function sendmailBounce(notice: string[], dsn?: string[]): Buffer {
  const head = [
    'Return-Path: <>',
    'From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>',
    'To: <sender@example.org>',
    'Subject: Returned mail: see transcript for details',
    'Auto-Submitted: auto-generated (failure)',
  ];
  const intro = [
    'The original message was received at Mon, 3 Mar 2025 10:00:00 +0000',
    'from localhost [127.0.0.1]',
    '',
  ];
  if (!dsn) return Buffer.from([...head, '', ...intro, ...notice, ''].join('\n'));
  return Buffer.from(
    [
      ...head,
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
      '',
      '--B1',
      'Content-Type: text/plain',
      '',
      ...intro,
      ...notice,
      '',
      '--B1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      '',
      ...dsn,
      '',
      '--B1--',
      '',
    ].join('\n'),
  );
}

const refusedAtGreeting = [
  '   ----- Transcript of session follows -----',
  '... while talking to mx.example.net.:',
  '<<< 554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org',
  '>>> QUIT',
  '<<< 221 2.0.0 mx.example.net closing connection',
  '554 5.0.0 Service unavailable',
];

describe('sendmail transcripts', () => {
  it("a DSN whose Diagnostic-Code is the QUIT's 221: the failure reply in the transcript counts", async () => {
    const report = await decodeBounce(
      sendmailBounce(refusedAtGreeting, [
        'Final-Recipient: RFC822; a@example.net',
        'Action: failed',
        'Status: 5.0.0',
        'Diagnostic-Code: SMTP; 221 2.0.0 mx.example.net closing connection',
      ]),
    );
    expect(report.recipients.map((r) => [r.replyCode, r.status, r.command, r.remoteMta])).toEqual([
      ['554', '5.7.1', 'CONN', 'mx.example.net'],
    ]);
    expect(report.recipients[0]?.diagnosticCode).toMatch(/^554 5\.7\.1 Service unavailable/);
  });

  it('a DSN without a Diagnostic-Code: the reply to the recipient in the transcript', async () => {
    const transcript = [
      '   ----- Transcript of session follows -----',
      '... while talking to mx.example.net.:',
      '>>> DATA',
      '<<< 550 5.1.1 <a@example.net>... User unknown',
      '550 5.1.1 <a@example.net>... User unknown',
      '<<< 503 5.0.0 Need RCPT (recipient)',
    ];
    const report = await decodeBounce(
      sendmailBounce(transcript, [
        'Final-Recipient: RFC822; a@example.net',
        'Action: failed',
        'Status: 5.1.1',
      ]),
    );
    expect(report.recipients.map((r) => [r.address, r.replyCode, r.status, r.command, r.reason])).toEqual([
      ['a@example.net', '550', '5.1.1', 'DATA', 'userunknown'],
    ]);
  });

  it('without a DSN: the address blocks, the reason line, and the alias the sender used', async () => {
    const notice = [
      '   ----- The following addresses had permanent fatal errors -----',
      '<a@mail.example.net>',
      '    (reason: 552 5.2.2 Over quota)',
      '    (expanded from: <a@example.net>)',
      '',
      '   ----- Transcript of session follows -----',
      '... while talking to mail.example.net.:',
      '>>> DATA',
      '<<< 552 5.2.2 Over quota',
      '554 5.0.0 Service unavailable',
    ];
    const report = await decodeBounce(sendmailBounce(notice));
    expect(report.decodedBy).toBe('sendmail');
    expect(report.recipients.map((r) => [r.address, r.action, r.replyCode, r.status, r.reason])).toEqual([
      ['a@mail.example.net', 'failed', '552', '5.2.2', 'mailboxfull'],
      ['a@example.net', 'failed', '552', '5.2.2', 'mailboxfull'],
    ]);
  });

  it('without a DSN: "transient non-fatal errors" is a delay notice', async () => {
    const notice = [
      '   ----- The following addresses had transient non-fatal errors -----',
      '<a@example.net>',
      '',
      '   ----- Transcript of session follows -----',
      '<a@example.net>... Deferred: Connection timed out with mx.example.net.',
      'Warning: message still undelivered after 4 hours',
    ];
    const report = await decodeBounce(sendmailBounce(notice));
    expect(report.kind).toBe('delay');
    expect(report.recipients.map((r) => [r.address, r.action])).toEqual([['a@example.net', 'delayed']]);
  });
});
