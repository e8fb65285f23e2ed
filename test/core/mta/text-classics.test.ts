// What the classic and text-only format parsers extract from representative corpus mails: which parser
// reads the mail, and per recipient (in order) the address, status, reply code and SMTP command.
// A status of "" means the bounce gives none, so the decoder derives one (Sisimai's X.0.9NN codes).
import { describe, expect, it } from 'vitest';
import { decodeBounce } from '../../../lambda/core/decode.ts';
import { decodeFixture } from '../../helpers/corpus.ts';

interface Row {
  address: string;
  status: string;
  replyCode: string;
  command: string;
  /** Only where the parser itself names the reason from the engine's own wording. */
  reason?: string;
}

const CASES: ReadonlyArray<[file: string, parser: string, rows: Row[], originalSubject?: string]> = [
  [
    'lhost-qmail-01.eml',
    'qmail',
    [{ address: 'kijitora@example.ne.jp', status: '5.5.0', replyCode: '550', command: 'RCPT' }],
    'Message',
  ],
  [
    'lhost-qmail-04.eml',
    'qmail',
    [
      {
        address: 'kijitora@example.net',
        status: '5.0.0',
        replyCode: '501',
        command: 'EHLO',
        reason: 'blocked',
      },
    ],
  ],
  [
    'lhost-qmail-05.eml',
    'qmail',
    [{ address: 'kijitora@example.net', status: '4.4.3', replyCode: '', command: '', reason: 'systemerror' }],
  ],
  [
    'lhost-qmail-20.eml',
    'qmail',
    [
      {
        address: 'pseudo-local-part-of-each-esp@gmail.com',
        status: '5.7.26',
        replyCode: '550',
        command: 'DATA',
      },
    ],
  ],
  [
    'lhost-qmail-21.eml',
    'qmail',
    [{ address: 'libgsasl7-dev@email.example.jp', status: '5.1.1', replyCode: '', command: '' }],
  ],
  [
    'lhost-dragonfly-02.eml',
    'dragonfly',
    [
      {
        address: 'pseudo-local-part@outlook.example.com',
        status: '5.7.509',
        replyCode: '550',
        command: 'DATA',
      },
    ],
    'Nyaan 01',
  ],
  [
    'lhost-dragonfly-05.eml',
    'dragonfly',
    [{ address: 'authfailure@libsisimai.net', status: '5.7.26', replyCode: '550', command: 'RCPT' }],
  ],
  [
    'lhost-dragonfly-29.eml',
    'dragonfly',
    [{ address: 'expired@libsisimai.net', status: '', replyCode: '', command: '' }],
  ],
  [
    'lhost-v5sendmail-05.eml',
    'v5sendmail',
    [
      { address: 'kijitora@example.edu', status: '', replyCode: '550', command: 'DATA' },
      { address: 'kuroneko@example.or.jp', status: '', replyCode: '550', command: '' },
      { address: 'kijitora@example.org', status: '', replyCode: '550', command: '' },
      { address: 'mikeneko@example.co.jp', status: '', replyCode: '550', command: 'RCPT' },
    ],
  ],
  [
    'lhost-v5sendmail-06.eml',
    'v5sendmail',
    [{ address: 'kijitora@example.edu', status: '', replyCode: '550', command: 'MAIL' }],
    'Nyaaaaan',
  ],
  ['lhost-x1-01.eml', 'x1', [{ address: 'kijitora@example.co.jp', status: '', replyCode: '', command: '' }]],
  [
    'lhost-x2-05.eml',
    'x2',
    [{ address: 'kijitora@y.example.com', status: '4.1.9', replyCode: '', command: '' }],
  ],
  [
    'lhost-x2-07.eml',
    'x2',
    [{ address: 'kijitora@example.co.jp', status: '5.4.14', replyCode: '554', command: 'DATA' }],
  ],
  [
    'lhost-x3-01.eml',
    'x3',
    [{ address: 'kijitora@example.com', status: '5.3.0', replyCode: '553', command: 'RCPT' }],
  ],
  ['lhost-x3-02.eml', 'x3', [{ address: 'kijitora@example.co.jp', status: '', replyCode: '', command: '' }]],
  [
    'lhost-x6-01.eml',
    'x6',
    [{ address: 'kijitora@nyaan.example.org', status: '5.4.6', replyCode: '554', command: 'DATA' }],
  ],
  [
    'lhost-x6-02.eml',
    'x6',
    [{ address: 'kijitora@libsisimai.org', status: '5.1.1', replyCode: '550', command: 'RCPT' }],
  ],
  [
    'lhost-fml-02.eml',
    'fml',
    [{ address: 'neko-nyaan@example.org', status: '', replyCode: '', command: '', reason: 'rejected' }],
  ],
  [
    'lhost-fml-03.eml',
    'fml',
    [{ address: 'neko@example.co.jp', status: '', replyCode: '', command: '', reason: 'systemerror' }],
    'Nyaan',
  ],
  [
    'lhost-mailfoundry-01.eml',
    'mailfoundry',
    [{ address: 'kijitora@example.org', status: '', replyCode: '550', command: '' }],
  ],
  [
    'lhost-imailserver-01.eml',
    'imailserver',
    [{ address: 'kijitora@example.com', status: '', replyCode: '', command: '' }],
    'Nyaaan',
  ],
  [
    'lhost-imailserver-04.eml',
    'imailserver',
    [{ address: 'kijitora@example.com', status: '', replyCode: '', command: '' }],
  ],
  [
    'lhost-mxlogic-01.eml',
    'mxlogic',
    [{ address: 'kijitora@example.co.jp', status: '5.1.1', replyCode: '550', command: '' }],
    'Nyaaaan',
  ],
  [
    'lhost-mxlogic-03.eml',
    'mxlogic',
    [{ address: 'kijitora@example.co.jp', status: '', replyCode: '550', command: '' }],
  ],
  [
    'lhost-mfilter-02.eml',
    'mfilter',
    [{ address: 'kijitora@example.co.jp', status: '5.1.1', replyCode: '550', command: 'DATA' }],
    'Nyaan',
  ],
  [
    'lhost-mfilter-05.eml',
    'mfilter',
    [{ address: 'kijitora@example.co.jp', status: '4.3.1', replyCode: '452', command: 'DATA' }],
    'ニャーン？',
  ],
  [
    'lhost-notes-01.eml',
    'notes',
    [{ address: 'kijitora@u1.example.co.jp', status: '', replyCode: '', command: '' }],
    'Nyaaaaaaan',
  ],
  [
    'lhost-notes-03.eml',
    'notes',
    [{ address: 'kijitora@example.com', status: '', replyCode: '', command: '' }],
  ],
  [
    'lhost-domino-01.eml',
    'domino',
    [{ address: 'kijitora@example.jp', status: '', replyCode: '', command: '' }],
  ],
  [
    'lhost-domino-03.eml',
    'domino',
    [{ address: 'kijitora@neko.example.org', status: '5.0.0', replyCode: '', command: '' }],
  ],
  [
    'lhost-courier-01.eml',
    'courier',
    [{ address: 'kijitora@example.co.jp', status: '5.1.1', replyCode: '550', command: 'RCPT' }],
  ],
  [
    'lhost-courier-03.eml',
    'courier',
    [{ address: 'kijitora@example.jp', status: '5.7.1', replyCode: '550', command: 'DATA' }],
  ],
  [
    'lhost-surfcontrol-01.eml',
    'surfcontrol',
    [{ address: 'kijitora@example.com', status: '5.0.0', replyCode: '550', command: '' }],
  ],
  [
    'lhost-trendmicro-02.eml',
    'trendmicro',
    [{ address: 'kijitora@neko.example.jp', status: '', replyCode: '', command: '' }],
  ],
  [
    'lhost-trendmicro-03.eml',
    'trendmicro',
    [{ address: 'kijitora@example.jp', status: '', replyCode: '', command: '' }],
  ],
  [
    'lhost-amavis-01.eml',
    'amavis',
    [{ address: 'neko@example.co.jp', status: '5.1.1', replyCode: '550', command: '' }],
  ],
  [
    'lhost-barracuda-01.eml',
    'barracuda',
    [{ address: 'kijitora@example.org', status: '5.7.1', replyCode: '550', command: '' }],
  ],
  [
    'lhost-ezweb-02.eml',
    'ezweb',
    [
      {
        address: 'this-local-part-does-not-exist-on-the-server@ezweb.ne.jp',
        status: '5.0.0',
        replyCode: '550',
        command: 'RCPT',
        reason: 'suspend',
      },
    ],
  ],
  [
    'lhost-ezweb-04.eml',
    'ezweb',
    [
      {
        address: 'this-local-part-does-not-exist-on-the-server@ezweb.ne.jp',
        status: '',
        replyCode: '550',
        command: 'RCPT',
      },
    ],
  ],
  [
    'lhost-ezweb-08.eml',
    'ezweb',
    [
      {
        address: 'kijitora-neko-nyaan-22222-cats@hotmail.com',
        status: '',
        replyCode: '550',
        command: 'MAIL',
      },
    ],
  ],
  [
    'lhost-kddi-01.eml',
    'kddi',
    [
      {
        address: 'kijitora@x0000000000000.dion.ne.jp',
        status: '',
        replyCode: '',
        command: '',
        reason: 'mailboxfull',
      },
    ],
  ],
];

describe('classic and text-only bounce formats', () => {
  it.each(CASES)('%s is read by %s', async (file, parser, rows, originalSubject) => {
    const report = await decodeFixture('sisimai', file);
    expect(report.decodedBy).toBe(parser);
    expect(report.recipients.map((r) => r.address)).toEqual(rows.map((row) => row.address));
    rows.forEach((row, i) => {
      const got = report.recipients[i];
      expect(got?.replyCode, `${row.address} replyCode`).toBe(row.replyCode);
      expect(got?.command, `${row.address} command`).toBe(row.command);
      if (row.status) expect(got?.status, `${row.address} status`).toBe(row.status);
      else expect(got?.status, `${row.address} derived status`).toMatch(/^[45]\.0\.9\d\d$/);
      if (row.reason) expect(got?.reason, `${row.address} reason`).toBe(row.reason);
    });
    if (originalSubject !== undefined) expect(report.original?.subject).toBe(originalSubject);
  });

  it.each([
    'lhost-postfix-01.eml',
    'lhost-exim-01.eml',
    'lhost-yahoo-01.eml',
    'lhost-mcafee-01.eml',
    'rhost-kddi-02.eml',
  ])('%s is left to other parsers', async (file) => {
    const report = await decodeFixture('sisimai', file);
    expect(CASES.map(([, parser]) => parser)).not.toContain(report.decodedBy);
  });

  it('reads an Apache James bounce: the recipient from "Message details", the reply below "Error message below"', async () => {
    const raw = [
      'From: postmaster@mx.example.org',
      'To: sender@example.net',
      'Subject: [BOUNCE]',
      'Message-ID: <1717.42.JavaMail.james@mx.example.org>',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'Hi. This is the James mail server at mx.example.org.',
      'Error: Invalid user address',
      '',
      'Error message below:',
      '550 5.1.1 <nobody@example.com>... User Unknown',
      '',
      'Message details:',
      '  Subject: Hello',
      '  MAIL FROM: sender@example.net',
      '  RCPT TO: nobody@example.com',
      '  From: Sender <sender@example.net>',
      '',
    ].join('\n');
    const report = await decodeBounce(Buffer.from(raw));
    expect(report.decodedBy).toBe('apachejames');
    expect(report.recipients.map((r) => [r.address, r.status, r.replyCode])).toEqual([
      ['nobody@example.com', '5.1.1', '550'],
    ]);
  });
});
