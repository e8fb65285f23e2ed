// What the format parsers of Exim, OpenSMTPD, Messaging Server, the Amazon services, SendGrid, PowerMTA,
// McAfee and the generic RFC 3464 reader extract from real bounces: who, which codes, which command.
import { describe, expect, it } from 'vitest';
import { decodeBounce } from '../../../lambda/core/decode.ts';
import { decodeFixture } from '../../helpers/corpus.ts';

/** address, status (null: derived by the classifier, not asserted), reply code, SMTP command. */
type Expected = [address: string, status: string | null, replyCode: string, command: string];

interface Case {
  file: string;
  parser: string;
  kind?: string;
  recipients: Expected[];
}

const CASES: Case[] = [
  {
    file: 'lhost-exim-02.eml',
    parser: 'exim',
    recipients: [
      ['kijitora@example.jp', '5.1.1', '550', 'RCPT'],
      ['sabatora@example.jp', '5.2.1', '550', 'RCPT'],
    ],
  },
  {
    file: 'lhost-exim-05.eml',
    parser: 'exim',
    recipients: [['kijitora@neko.example.co.jp', '5.1.1', '553', 'RCPT']],
  },
  // "571" is no SMTP reply code; the refusal came at the greeting.
  { file: 'lhost-exim-32.eml', parser: 'exim', recipients: [['kijitora@example.net', null, '', 'CONN']] },
  {
    file: 'lhost-exim-49.eml',
    parser: 'exim',
    recipients: [['kijitora@example.com', '5.0.0', '550', 'EHLO']],
  },
  // A bare local part in the notice: X-Failed-Recipients names the address.
  {
    file: 'lhost-exim-04.eml',
    parser: 'exim',
    recipients: [['kijitora@example.ed.jp', '5.7.0', '550', 'MAIL']],
  },
  {
    file: 'lhost-exim-38.eml',
    parser: 'exim',
    kind: 'delay',
    recipients: [['kijitora@example.co.jp', null, '450', 'MAIL']],
  },
  { file: 'lhost-gmx-01.eml', parser: 'gmx', recipients: [['shironeko@example.jp', '5.2.2', '', 'RCPT']] },
  {
    file: 'lhost-opensmtpd-01.eml',
    parser: 'opensmtpd',
    recipients: [['apdugoaidugoaidugoaeiudggadi@gmail.com', '5.1.1', '550', '']],
  },
  {
    file: 'lhost-opensmtpd-13.eml',
    parser: 'opensmtpd',
    kind: 'delay',
    recipients: [['pseudo-local-part-of-yahoo-inc@yahoo.com', '4.7.0', '421', '']],
  },
  {
    file: 'lhost-opensmtpd-17.eml',
    parser: 'opensmtpd',
    recipients: [
      ['userunknown@libsisimai.net', '5.1.1', '550', ''],
      ['mailboxfull@libsisimai.net', '5.2.2', '552', ''],
    ],
  },
  {
    file: 'lhost-messagingserver-01.eml',
    parser: 'messagingserver',
    // "Remote SMTP server has rejected address" does not say at which command.
    recipients: [['kijitora@example.jp', '5.1.1', '550', '']],
  },
  // The final recipient is a source route: the original address is the one the sender knows.
  {
    file: 'lhost-messagingserver-02.eml',
    parser: 'messagingserver',
    recipients: [['kijitora@example.net', '5.2.0', '', '']],
  },
  {
    file: 'lhost-messagingserver-11.eml',
    parser: 'messagingserver',
    recipients: [['kijitora@example.jp', '5.1.8', '501', 'MAIL']],
  },
  // SES's "5.1.0 - Unknown address error" wraps the server's own "5.2.2 ... Mailbox Full".
  {
    file: 'lhost-amazonses-03.eml',
    parser: 'amazonses',
    recipients: [['kijitora@example.jp', '5.2.2', '550', '']],
  },
  {
    file: 'lhost-amazonses-09.eml',
    parser: 'amazonses',
    recipients: [['bounce@simulator.amazonses.com', '5.1.1', '550', '']],
  },
  {
    file: 'lhost-amazonses-10.eml',
    parser: 'amazonses',
    recipients: [['bounce@simulator.amazonses.com', '5.1.1', '550', '']],
  },
  {
    file: 'lhost-amazonses-11.eml',
    parser: 'amazonses',
    kind: 'feedback',
    recipients: [['complaint@simulator.amazonses.com', '', '', '']],
  },
  {
    file: 'lhost-amazonses-12.eml',
    parser: 'amazonses',
    kind: 'delivered',
    recipients: [['success@simulator.amazonses.com', '2.6.0', '250', '']],
  },
  {
    file: 'lhost-receivingses-03.eml',
    parser: 'receivingses',
    recipients: [['temperror@neko.example.jp', '4.0.0', '450', '']],
  },
  {
    file: 'lhost-amazonworkmail-01.eml',
    parser: 'amazonworkmail',
    recipients: [['kijitora@example.jp', '5.1.1', '550', '']],
  },
  // "554 4.4.7 Message expired ...<421 4.4.2 Connection timed out>": the last server reply counts.
  {
    file: 'lhost-amazonworkmail-07.eml',
    parser: 'amazonworkmail',
    recipients: [['kijitora@libsisimai.org', '4.4.2', '421', 'CONN']],
  },
  {
    file: 'lhost-sendgrid-01.eml',
    parser: 'sendgrid',
    recipients: [['kijitora@example.jp', '5.1.1', '550', 'RCPT']],
  },
  {
    file: 'lhost-powermta-01.eml',
    parser: 'powermta',
    recipients: [['kijitora@example.jp', '5.2.1', '550', '']],
  },
  {
    file: 'lhost-mcafee-01.eml',
    parser: 'mcafee',
    recipients: [['kijitora@example.co.jp', null, '550', '']],
  },
  {
    file: 'lhost-mcafee-02.eml',
    parser: 'mcafee',
    recipients: [['kijitora@example.jp', '5.1.1', '550', '']],
  },
  // Recipient fields written before Final-Recipient, and a reply whose continuation lines are not indented.
  {
    file: 'rhost-messagelabs-01.eml',
    parser: 'rfc3464',
    recipients: [['kijitora@example.messagelabs.com', '5.0.0', '550', '']],
  },
  {
    file: 'rhost-facebook-03.eml',
    parser: 'rfc3464',
    recipients: [['kijitora@facebook.com', '5.1.1', '550', '']],
  },
];

describe('format parsers of mail services and MTAs', () => {
  it.each(CASES)('$file is read by $parser', async ({ file, parser, kind, recipients }) => {
    const report = await decodeFixture('sisimai', file);
    expect(report.decodedBy).toBe(parser);
    if (kind) expect(report.kind).toBe(kind);
    const got = report.recipients.map((r, i): Expected => {
      const status = recipients[i]?.[1] === null ? null : r.status;
      return [r.address, status, r.replyCode, r.command];
    });
    expect(got).toEqual(recipients);
  });

  it('takes the words of a DSN without a Diagnostic-Code from the sentence that names the recipient', async () => {
    const report = await decodeFixture('sisimai', 'rfc3464-65.eml');
    expect(report.recipients[0]?.diagnosticCode).toMatch(/because the address couldn't be found/);
  });

  it('keeps the subject of the message an Exim delay warning names', async () => {
    const report = await decodeFixture('sisimai', 'lhost-exim-38.eml');
    expect(report.original?.subject).toBe('Nyaan');
  });

  it('keeps the server words of an Exim notice without its boilerplate', async () => {
    const report = await decodeFixture('sisimai', 'lhost-exim-05.eml');
    expect(report.recipients[0]?.diagnosticCode).toBe(
      '553 5.1.1 unknown or illegal user: kijitora@neko.example.co.jp',
    );
    expect(report.recipients[0]?.remoteMta).toBe('mx49.neko.example.co.jp');
  });

  it('reads an internationalised DSN (message/global-delivery-status, RFC 6533 address)', async () => {
    const raw = [
      'From: mailer-daemon@example.net',
      'Subject: Delivery Status Notification (Failure)',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Delivery failed.',
      '--b',
      'Content-Type: message/global-delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.net',
      '',
      'Final-Recipient: utf-8; \\x{30E6}\\x{30FC}\\x{30B6}@example.jp',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 mailbox unavailable',
      '--b--',
      '',
    ].join('\n');
    const report = await decodeBounce(Buffer.from(raw, 'utf8'));
    expect(report.decodedBy).toBe('rfc3464');
    expect(report.recipients.map((r) => [r.address, r.status, r.replyCode])).toEqual([
      ['ユーザ@example.jp', '5.1.1', '550'],
    ]);
  });
});
