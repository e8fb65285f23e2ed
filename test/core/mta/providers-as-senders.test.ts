// Bounces written by mail providers and Microsoft servers: each fixture is read by its own parser,
// with the recipients, codes and SMTP command the notice gives, in the notice's order.
import { describe, expect, it } from 'vitest';
import { decodeBounce } from '../../../lambda/core/decode.ts';
import { decodeFixture } from '../../helpers/corpus.ts';

interface Expected {
  address: string;
  action?: string;
  status: string;
  replyCode: string;
  command: string;
}

/** [fixture, parser id, recipients]; a status X.0.9NN is derived from the reason when the mail gives none. */
const CASES: ReadonlyArray<[string, string, Expected[]]> = [
  [
    'lhost-gmail-01.eml',
    'gmail',
    [{ address: 'userunknown@example.jp', status: '5.1.1', replyCode: '550', command: '' }],
  ],
  [
    'lhost-gmail-06.eml',
    'gmail',
    [
      {
        address: 'kijitora@example.jp',
        action: 'delayed',
        status: '4.2.2',
        replyCode: '450',
        command: 'RCPT',
      },
    ],
  ],
  [
    'lhost-gmail-07.eml',
    'gmail',
    [{ address: 'kijitora@example.ed.jp', status: '5.0.976', replyCode: '500', command: 'MAIL' }],
  ],
  [
    'lhost-gmail-10.eml',
    'gmail',
    [{ address: 'kijitora@6jo.example.co.jp', status: '5.0.947', replyCode: '', command: 'CONN' }],
  ],
  [
    'lhost-googlegroups-01.eml',
    'googlegroups',
    [{ address: 'libsisimai@googlegroups.com', status: '5.0.918', replyCode: '', command: '' }],
  ],
  [
    'lhost-googlegroups-09.eml',
    'googlegroups',
    [{ address: 'libsisimai@googlegroups.com', status: '5.0.918', replyCode: '', command: '' }],
  ],
  [
    'lhost-googleworkspace-01.eml',
    'googleworkspace',
    [
      {
        address: 'neko-nyaan-cat-meeting@google-groups.example.com',
        status: '5.0.918',
        replyCode: '',
        command: '',
      },
    ],
  ],
  [
    'lhost-yahoo-01.eml',
    'yahoo',
    [{ address: 'kijitora@example.org', status: '5.1.1', replyCode: '550', command: 'RCPT' }],
  ],
  [
    'lhost-yahoo-03.eml',
    'yahoo',
    [{ address: 'kijitora@example.jp', status: '5.1.1', replyCode: '550', command: 'RCPT' }],
  ],
  [
    'lhost-yahoo-08.eml',
    'yahoo',
    [{ address: 'mailboxfull@libsisimai.org', status: '5.2.2', replyCode: '550', command: '' }],
  ],
  [
    'lhost-yahoo-12.eml',
    'yahoo',
    [{ address: 'kijitora@example.jp', status: '5.1.8', replyCode: '501', command: '' }],
  ],
  [
    'lhost-mailru-03.eml',
    'mailru',
    [
      { address: 'mikeneko@example.jp', status: '5.2.2', replyCode: '550', command: 'RCPT' },
      { address: 'sabineko@example.jp', status: '5.2.1', replyCode: '550', command: 'RCPT' },
    ],
  ],
  [
    'lhost-mailru-04.eml',
    'mailru',
    [{ address: 'kijitora@example.jp', status: '5.1.1', replyCode: '550', command: 'RCPT' }],
  ],
  [
    'lhost-mailru-07.eml',
    'mailru',
    [
      {
        address: 'otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp',
        status: '5.0.910',
        replyCode: '550',
        command: 'DATA',
      },
    ],
  ],
  [
    'lhost-mailru-09.eml',
    'mailru',
    [{ address: 'kijitora@example.jp', status: '5.1.8', replyCode: '501', command: 'MAIL' }],
  ],
  [
    'lhost-yandex-02.eml',
    'yandex',
    [
      { address: 'mikeneko@example.jp', status: '5.2.1', replyCode: '550', command: 'RCPT' },
      { address: 'sabineko@example.jp', status: '5.2.2', replyCode: '550', command: 'RCPT' },
    ],
  ],
  [
    'lhost-gmx-01.eml',
    'gmx',
    [{ address: 'shironeko@example.jp', status: '5.2.2', replyCode: '', command: 'RCPT' }],
  ],
  [
    'lhost-gmx-04.eml',
    'gmx',
    [{ address: 'kijitora@6jo.example.co.jp', status: '5.0.947', replyCode: '', command: '' }],
  ],
  [
    'lhost-zoho-02.eml',
    'zoho',
    [
      { address: 'mikeneko@example.co.jp', status: '5.2.1', replyCode: '550', command: '' },
      { address: 'sabineko@example.co.jp', status: '5.2.2', replyCode: '550', command: '' },
    ],
  ],
  [
    'lhost-zoho-04.eml',
    'zoho',
    [
      {
        address: 'kijitora@6kaku.example.co.jp',
        action: 'delayed',
        status: '4.0.947',
        replyCode: '421',
        command: '',
      },
    ],
  ],
  [
    'lhost-outlook-01.eml',
    'outlook',
    [{ address: 'kijitora@example.jp', status: '5.2.2', replyCode: '550', command: '' }],
  ],
  [
    'lhost-outlook-06.eml',
    'outlook',
    [{ address: 'kijitora@example.com', action: 'delayed', status: '4.4.7', replyCode: '', command: '' }],
  ],
  [
    'lhost-outlook-07.eml',
    'outlook',
    [{ address: 'kijitora@example.com', status: '4.4.7', replyCode: '', command: 'CONN' }],
  ],
  [
    'lhost-office365-01.eml',
    'office365',
    [{ address: 'kijitora@example.com', status: '5.1.10', replyCode: '550', command: '' }],
  ],
  [
    'lhost-office365-07.eml',
    'office365',
    [
      {
        address: 'otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp',
        status: '5.1.351',
        replyCode: '550',
        command: 'RCPT',
      },
    ],
  ],
  [
    'lhost-office365-08.eml',
    'office365',
    [{ address: 'nyaan@neko.example.jp', status: '4.4.316', replyCode: '450', command: 'CONN' }],
  ],
  [
    'lhost-exchange2003-02.eml',
    'exchange2003',
    [
      { address: 'kijitora@example.co.jp', status: '5.0.911', replyCode: '', command: '' },
      { address: 'mikeneko@example.co.jp', status: '5.0.911', replyCode: '', command: '' },
    ],
  ],
  [
    'lhost-exchange2003-03.eml',
    'exchange2003',
    [{ address: 'kijitora@example.jp', status: '5.0.911', replyCode: '', command: '' }],
  ],
  [
    'lhost-exchange2007-01.eml',
    'exchange2007',
    [{ address: 'mikeneko@example.co.jp', status: '5.1.1', replyCode: '550', command: '' }],
  ],
  [
    'lhost-exchange2007-03.eml',
    'exchange2007',
    [{ address: 'kijitora@neko.example.com', status: '5.2.3', replyCode: '550', command: '' }],
  ],
  // The newest attempt is Exchange's own "QUEUE.Expired"; the one before it says what went wrong.
  [
    'lhost-exchange2007-05.eml',
    'exchange2007',
    [{ address: 'gwang1@student.mlcsyd.nsw.edu.au', status: '4.4.1', replyCode: '', command: 'CONN' }],
  ],
];

describe('bounces written by mail providers and Microsoft servers', () => {
  it.each(CASES)('%s is read by %s', async (file, parser, expected) => {
    const report = await decodeFixture('sisimai', file);
    expect(report.decodedBy).toBe(parser);
    const got = report.recipients.map(({ address, action, status, replyCode, command }) => ({
      address,
      action,
      status,
      replyCode,
      command,
    }));
    expect(got).toEqual(expected.map((e) => ({ action: 'failed', ...e })));
  });
});

describe('what the provider notices themselves name', () => {
  it.each([
    ['lhost-googlegroups-03.eml', 'rejected'],
    ['lhost-exchange2003-01.eml', 'userunknown'],
    ['lhost-exchange2007-03.eml', 'exceedlimit'],
    ['lhost-gmail-07.eml', 'failedstarttls'],
  ])("%s: the parser's own verdict is %s", async (file, reason) => {
    const report = await decodeFixture('sisimai', file);
    expect(report.recipients[0]?.reason).toBe(reason);
  });
});

describe('quoted originals', () => {
  it.each([
    ['lhost-gmail-01.eml', 'TEST FROM GMAIL.COM'],
    ['lhost-yahoo-03.eml', 'Nyaaan'],
    ['lhost-mailru-01.eml', 'Nyaaaan'],
    ['lhost-office365-01.eml', 'Nyaan'],
  ])('%s returns the original message "%s"', async (file, subject) => {
    const report = await decodeFixture('sisimai', file);
    expect(report.original?.subject).toBe(subject);
  });
});

/** Wordings of these providers that the corpus lacks, as small hand-written notices. */
const VARIANTS: ReadonlyArray<[string, string, string, Expected[]]> = [
  [
    'GMX: the whole SMTP error on one line',
    'gmx',
    `From: MAILER-DAEMON@mail.gmx.net
Subject: Mail delivery failed: returning message to sender

This message was created automatically by mail delivery software.

"kijitora@example.jp":

SMTP error from remote server for RCPT TO command, host: mx.example.jp (192.0.2.1) reason: 550 5.1.1 <kijitora@example.jp>: Recipient address rejected: User unknown
`,
    [{ address: 'kijitora@example.jp', status: '5.1.1', replyCode: '550', command: 'RCPT' }],
  ],
  [
    "Mail.ru: Exim's delay warning",
    'mailru',
    `From: mailer-daemon@corp.mail.ru
Subject: Warning: message 1abc-0001 delayed 24 hours
Message-Id: <E1abc-0001@smtp1.mail.ru>

This message was created automatically by mail delivery software.
A message that you sent has not yet been delivered to one or more of its
recipients after more than 24 hours on the queue on smtp1.mail.ru.

  neko@example.jp
    Delay reason: SMTP error from remote mail server after RCPT TO:<neko@example.jp>:
    host mx.example.jp [192.0.2.2]: 451 4.7.1 Greylisted, try again later

No action is required on your part.
`,
    [{ address: 'neko@example.jp', action: 'delayed', status: '4.7.1', replyCode: '451', command: 'RCPT' }],
  ],
  [
    'Yahoo: a refusal of the message body',
    'yahoo',
    `From: MAILER-DAEMON@yahoo.com
Subject: Failure Notice
X-YMailISG: abc

Sorry, we were unable to deliver your message to the following address.

<neko@example.jp>:
Remote host said: 554 5.7.1 Message rejected as spam [BODY]
`,
    [{ address: 'neko@example.jp', status: '5.7.1', replyCode: '554', command: 'DATA' }],
  ],
  [
    'Gmail: two recipients, one explanation',
    'gmail',
    `From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
Subject: Delivery Status Notification (Failure)

Delivery to the following recipients failed permanently:

     one@example.jp
     two@example.jp

Technical details of permanent failure:
DNS Error: Domain name not found
`,
    [
      { address: 'one@example.jp', status: '5.0.912', replyCode: '', command: '' },
      { address: 'two@example.jp', status: '5.0.912', replyCode: '', command: '' },
    ],
  ],
  [
    'Microsoft 365: no DSN and no section for administrators',
    'office365',
    `From: Microsoft Outlook <postmaster@outlook.com>
Subject: Undeliverable: hello
Message-ID: <abc@SG2APC01HT040.mail.protection.outlook.com>

Delivery has failed to these recipients or groups:

neko@example.jp (neko@example.jp)<mailto:neko@example.jp>
The email address you entered couldn't be found.
`,
    [{ address: 'neko@example.jp', status: '5.0.911', replyCode: '', command: '' }],
  ],
];

describe('wordings the corpus lacks', () => {
  it.each(VARIANTS)('%s', async (_name, parser, mail, expected) => {
    const report = await decodeBounce(Buffer.from(mail.replace(/\n/g, '\r\n')));
    expect(report.decodedBy).toBe(parser);
    const got = report.recipients.map(({ address, action, status, replyCode, command }) => ({
      address,
      action,
      status,
      replyCode,
      command,
    }));
    expect(got).toEqual(expected.map((e) => ({ action: 'failed', ...e })));
  });
});
