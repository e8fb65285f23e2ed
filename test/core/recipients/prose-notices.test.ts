// Recipients named in prose by plain-text notices, one class of servers per case. Each notice is
// written from the server's template (the source is named), not copied from a corpus mail.
import { describe, expect, it } from 'vitest';
import { decodeBounce } from '../../../lambda/core/decode.ts';

interface Notice {
  from?: string;
  subject: string;
  body: string;
  headers?: string[];
}

function notice({
  from = 'Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>',
  subject,
  body,
  headers = [],
}: Notice) {
  return Buffer.from(
    [
      'Return-Path: <>',
      `From: ${from}`,
      'To: sender@example.org',
      `Subject: ${subject}`,
      'Date: Mon, 3 Mar 2025 10:00:00 +0000',
      ...headers,
      '',
      body,
      '',
    ].join('\n'),
  );
}

const returnedOriginal = [
  'From: Sender <sender@example.org>',
  'To: Jane Roe <jane@example.net>',
  'Subject: Your order',
  'Message-ID: <order-1@example.org>',
  '',
  'Hello',
].join('\n');

async function read(n: Notice) {
  const report = await decodeBounce(notice(n));
  return { kind: report.kind, recipients: report.recipients.map((r) => [r.address, r.action]) };
}

describe('recipients listed after an intro line', () => {
  it('Microsoft SMTP Service: "Delivery to the following recipients failed."', async () => {
    const body = [
      'This is an automatically generated Delivery Status Notification.',
      '',
      'Delivery to the following recipients failed.',
      '',
      '       a@example.net',
      '       b@example.net',
      '',
    ].join('\n');
    const from = 'postmaster@example.net';
    expect(await read({ from, subject: 'Delivery Status Notification (Failure)', body })).toEqual({
      kind: 'bounce',
      recipients: [
        ['a@example.net', 'failed'],
        ['b@example.net', 'failed'],
      ],
    });
  });

  it('Microsoft SMTP Service delay: a warning, kind delay', async () => {
    const body = [
      'This is an automatically generated Delivery Status Notification.',
      '',
      'THIS IS A WARNING MESSAGE ONLY.',
      '',
      'YOU DO NOT NEED TO RESEND YOUR MESSAGE.',
      '',
      'Delivery to the following recipients has been delayed.',
      '',
      '       a@example.net',
    ].join('\n');
    const from = 'postmaster@example.net';
    expect(await read({ from, subject: 'Delivery Status Notification (Delay)', body })).toEqual({
      kind: 'delay',
      recipients: [['a@example.net', 'delayed']],
    });
  });

  it('MailEnable: "Recipient: [SMTP:a@b]" under "could not be reached", with the reason', async () => {
    const body = [
      'MailEnable: Message could not be delivered to some recipients.',
      'The following recipient(s) could not be reached:',
      '',
      '\tRecipient: [SMTP:a@example.net]',
      '\tReason: Remote SMTP Server Returned: 550 5.1.1 User unknown',
      '',
      'Message headers follow:',
    ].join('\n');
    const report = await decodeBounce(
      notice({ from: 'POSTMASTER@example.net', subject: 'Message Delivery Failure', body }),
    );
    expect(report.recipients.map((r) => [r.address, r.replyCode, r.status])).toEqual([
      ['a@example.net', '550', '5.1.1'],
    ]);
  });

  it('Sendmail without a DSN: the address block, and the address the sender used ("expanded from")', async () => {
    const body = [
      'The original message was received at Mon, 3 Mar 2025 10:00:00 +0000',
      '',
      '   ----- The following addresses had permanent fatal errors -----',
      'a@mail.example.net',
      '    (reason: 550 5.1.1 User unknown)',
      '    (expanded from: list-member@example.net)',
      '',
      '   ----- Transcript of session follows -----',
      '550 5.1.1 a@mail.example.net... User unknown',
    ].join('\n');
    const report = await read({ subject: 'Returned mail: see transcript for details', body });
    expect(report.kind).toBe('bounce');
    expect(report.recipients.map(([a]) => a).sort()).toEqual([
      'a@mail.example.net',
      'list-member@example.net',
    ]);
  });

  it('AOL: screen names listed without a domain are AOL addresses', async () => {
    const body = [
      'Sorry sender@example.org. Your mail to the following recipients could not be delivered because they are not accepting mail from sender@example.org:',
      '\tscreenname1',
      '\tscreenname2',
    ].join('\n');
    expect(
      await read({
        from: 'Mail Delivery Subsystem <MAILER-DAEMON@aol.com>',
        subject: 'Mail Delivery Problem',
        body,
      }),
    ).toEqual({
      kind: 'bounce',
      recipients: [
        ['screenname1@aol.com', 'failed'],
        ['screenname2@aol.com', 'failed'],
      ],
    });
  });
});

describe('more list notices', () => {
  it('GroupWise: "undeliverable to the following:" with an address or a local part and the reason', async () => {
    const body = [
      'The message that you sent was undeliverable to the following:=20',
      '\ta@example.net (User not on post office)',
      '\tjroe (User not on post office)',
      '',
      'Possibly truncated original message follows:',
      '',
      returnedOriginal.replace('To: Jane Roe <jane@example.net>', 'To: a@example.net, jroe@example.net'),
    ].join('\n');
    const report = await decodeBounce(
      notice({ from: 'postmaster@example.net', subject: 'Undeliverable mail', body }),
    );
    expect(report.recipients.map((r) => [r.address, r.diagnosticCode])).toEqual([
      ['a@example.net', '(User not on post office)'],
      ['jroe@example.net', '(User not on post office)'],
    ]);
    expect(report.original?.subject).toBe('Your order');
  });

  it("GroupWise with local parts only: the original's recipients of those local parts", async () => {
    const body = [
      'The message that you sent was undeliverable to the following:',
      '\tjroe (User not on post office)',
      '',
      'Possibly truncated original message follows:',
      '',
      returnedOriginal.replace('To: Jane Roe <jane@example.net>', 'To: jroe@example.net, b@example.net'),
    ].join('\n');
    expect(
      (await read({ from: 'postmaster@example.net', subject: 'Undeliverable mail', body })).recipients,
    ).toEqual([['jroe@example.net', 'failed']]);
  });

  it('Netscape Messaging Server: "Recipient: <a@b>" under "rejected by a remote mail server"', async () => {
    const body = [
      'This Message was undeliverable due to the following reason:',
      '',
      'Each of the following recipients was rejected by a remote mail server.',
      'The reasons given by the server are included to help you determine why',
      'each recipient was rejected.',
      '',
      '    Recipient: <a@example.net>',
      '    Reason:    5.1.1 <a@example.net>... User unknown',
      '',
      'Please reply to Postmaster@example.org',
      'if you feel this message to be in error.',
    ].join('\n');
    expect((await read({ subject: 'Delivery Notification: Delivery has failed', body })).recipients).toEqual([
      ['a@example.net', 'failed'],
    ]);
  });

  it('Exchange 5.5 / X.400 gateways: "...;dda:SMTP=a@b; on <date>"', async () => {
    const body = [
      'Your message',
      '',
      '  Subject: Your order',
      '',
      'did not reach the following recipient(s):',
      '',
      'c=US;a= ;p=Org;o=Site;dda:SMTP=a@example.net; on Fri, 4 Oct 2002 17:12:28 -0400',
      '    The recipient name is not recognized',
    ].join('\n');
    expect(
      (
        await read({
          from: 'System Administrator <postmaster@example.net>',
          subject: 'Undeliverable: Your order',
          body,
        })
      ).recipients,
    ).toEqual([['a@example.net', 'failed']]);
  });

  it('MessageSwitch: "Your message to:" then the address, "just a warning": a delay', async () => {
    const body = [
      'Your message to:',
      '',
      '  a@example.net',
      '',
      'has not been delivered yet. This is just a warning, you do not need to take any action.',
    ].join('\n');
    expect(await read({ subject: 'Delivery delayed', body })).toEqual({
      kind: 'delay',
      recipients: [['a@example.net', 'delayed']],
    });
  });
});

describe('the notices of other mail systems', () => {
  it('a qmail clone under another subject: "<a@b>:" paragraphs after the intro', async () => {
    const body = [
      'Hi. This is the mail delivery program at mx.example.net.',
      "I'm afraid I wasn't able to deliver your message to the following addresses.",
      "This is a permanent error; I've given up. Sorry it didn't work out.",
      '',
      '<a@example.net>:',
      '192.0.2.25 does not like recipient.',
      'Remote host said: 550 5.1.1 Mailbox does not exist',
      'Giving up on 192.0.2.25.',
      '',
      '<b@example.net>:',
      '192.0.2.25 does not like recipient.',
      'Remote host said: 552 5.2.2 Mailbox full',
      'Giving up on 192.0.2.25.',
    ].join('\n');
    const report = await decodeBounce(notice({ subject: 'Undelivered message', body }));
    expect(report.recipients.map((r) => [r.address, r.replyCode])).toEqual([
      ['a@example.net', '550'],
      ['b@example.net', '552'],
    ]);
  });

  it('Lotus Domino: "was not delivered to:" then the address, "because:" then the reason', async () => {
    const body = [
      'Your message',
      '',
      '  Subject: Your order',
      '',
      'was not delivered to:',
      '',
      '  a@example.net',
      '',
      'because:',
      '',
      '  User a@example.net (a@example.net) not listed in Domino Directory',
    ].join('\n');
    const report = await decodeBounce(
      notice({ from: 'Postmaster@example.net', subject: 'DELIVERY FAILURE: Your order', body }),
    );
    expect(report.recipients.map((r) => r.address)).toEqual(['a@example.net']);
  });

  it('Kerio / Merak: "could not be reached", each entry followed by its indented error', async () => {
    const body = [
      'Your message did not reach some or all of the intended recipients.',
      '',
      '   Subject: Your order',
      '   Sent: 3/3/2025 10:00 AM',
      '',
      'The following recipient(s) could not be reached:',
      '',
      '      a@example.net',
      '            Error Type: SMTP',
      '            Remote server (192.0.2.25) issued an error.',
      '            hop count exceeded - possible mail loop',
    ].join('\n');
    const report = await decodeBounce(
      notice({ from: 'postmaster@example.net', subject: 'Undeliverable: Your order', body }),
    );
    expect(report.recipients.map((r) => [r.address, r.diagnosticCode])).toEqual([
      [
        'a@example.net',
        'Error Type: SMTP Remote server (192.0.2.25) issued an error. hop count exceeded - possible mail loop',
      ],
    ]);
  });

  it('MDaemon 3: "did NOT receive a copy of your message:" then "> a@b"', async () => {
    const body = [
      'The following addresses did NOT receive a copy of your message:',
      '',
      '> a@example.net',
      '',
      '--- Session Transcript ---',
      ' 550 a@example.net... User unknown',
    ].join('\n');
    const report = await read({
      from: 'MDaemon@mail.example.net',
      subject: 'Permanent Delivery Failure',
      body,
    });
    expect(report.recipients).toEqual([['a@example.net', 'failed']]);
  });
});

describe('recipients named on the line of a phrase', () => {
  it.each([
    ['usa.net', 'Intended recipient: a@example.net', 'Returned mail'],
    ['hotpop', 'Undeliverable Address: a@example.net', 'Undeliverable mail'],
    ['LSMTP', 'Error-for:  a@example.net', 'Undelivered mail'],
    ['IMail', 'Unknown user: a@example.net', 'Undeliverable Mail'],
    ['Prodigy', "User's mailbox is full: <a@example.net>", 'Returned mail'],
    ['Trend Micro InterScan', 'Unable to deliver message to <a@example.net>.', 'Mail could not be delivered'],
    ['Exchange', 'Did not reach the following recipient: a@example.net', 'Undeliverable: Your order'],
    ['a local delivery agent', '(Originally addressed to a@example.net) User not known', 'Delivery failure'],
    ['Dovecot LDA', 'Your message to <a@example.net> was automatically rejected:', 'Rejected: Your order'],
  ])('%s: %s', async (_server, line, subject) => {
    const report = await read({ subject, body: `${line}\nQuota exceeded\n` });
    expect(report.recipients).toEqual([['a@example.net', 'failed']]);
  });

  it('a weak phrase ("your message to") needs words of failure next to it', async () => {
    const body = 'Your message to a@example.net has been received.\nThank you, we will answer soon.';
    expect((await read({ subject: 'Delivery report', body })).kind).toBe('not-bounce');
  });

  it('an error line that starts with the address: "a@b - no such user here."', async () => {
    const body = 'a@example.net - no such user here.\n\nThere is no user by that name at this server.';
    const from = 'MDaemon@mail.example.net';
    expect(await read({ from, subject: 'Warning: a@example.net - User unknown!', body })).toEqual({
      kind: 'bounce',
      recipients: [['a@example.net', 'failed']],
    });
  });

  it('a server refusal quoted in the notice names its recipient: "552 Quota violation for a@b"', async () => {
    const body =
      'Sorry, unable to deliver your message to b@example.net for\nthe following reason:\n\n 552 Quota violation for a@example.net\n';
    const report = await read({ subject: 'failure notice', body });
    expect(report.recipients.map(([a]) => a)).toEqual(['b@example.net', 'a@example.net']);
  });
});

describe('delay notices written in prose', () => {
  it('Exchange advisory: "has been postponed", "will continue to try"', async () => {
    const body = [
      'This is an advisory-only email.  Please do not reply to it.',
      '',
      'Delivery of email to this address',
      '',
      '"a@example.net"',
      '',
      'has been postponed due to a full mailbox.',
      '',
      'We will continue to try to deliver your message over the next few days.',
    ].join('\n');
    expect(
      await read({ from: 'Postmaster <postmaster@example.net>', subject: 'Mail Delivery Warning', body }),
    ).toEqual({
      kind: 'delay',
      recipients: [['a@example.net', 'delayed']],
    });
  });

  it('Sendmail without a DSN: "transient non-fatal errors" is a delay', async () => {
    const body = [
      '    **********************************************',
      '    **      THIS IS A WARNING MESSAGE ONLY      **',
      '    **  YOU DO NOT NEED TO RESEND YOUR MESSAGE  **',
      '    **********************************************',
      '',
      '   ----- The following addresses had transient non-fatal errors -----',
      '<a@example.net>',
      '',
      '   ----- Transcript of session follows -----',
      '<a@example.net>... Deferred: Connection timed out with mx.example.net.',
      'Warning: message still undelivered after 4 hours',
      'Will keep trying until message is 5 days old',
    ].join('\n');
    expect(await read({ subject: 'Warning: could not send message for past 4 hours', body })).toEqual({
      kind: 'delay',
      recipients: [['a@example.net', 'delayed']],
    });
  });

  it('a notice that has given up is no delay, even when it mentions retrying', async () => {
    const body = [
      'Delivery to the following recipients failed permanently:',
      '',
      '     a@example.net',
      '',
      'The message was retried for 5 days; this is a permanent error and will not be retried.',
    ].join('\n');
    expect((await read({ subject: 'Delivery Status Notification (Failure)', body })).kind).toBe('bounce');
  });
});

describe('who is never a recipient', () => {
  it("the bounce's own sender and addressee, the original's sender and the postmaster", async () => {
    const body = [
      'Delivery to the following recipients failed.',
      '',
      '       sender@example.org',
      '       a@example.net',
      '',
      'Please contact postmaster@example.net if you have questions.',
      '',
      '--- Original message follows.',
      returnedOriginal,
    ].join('\n');
    expect((await read({ subject: 'Undeliverable mail', body })).recipients).toEqual([
      ['a@example.net', 'failed'],
    ]);
  });

  it('an out-of-office reply with a null sender that lists a colleague is not a bounce', async () => {
    const body =
      'I am out of the office until Monday.\n\nFor urgent matters please contact\n\n  colleague@example.net\n';
    const report = await read({
      from: 'Jane Roe <jane@example.net>',
      subject: 'Out of office',
      body,
      headers: ['Auto-Submitted: auto-replied'],
    });
    expect(report.kind).toBe('auto-reply');
    expect(report.recipients).toEqual([['jane@example.net', '']]);
  });
});

describe('notices that name no recipient by address', () => {
  it("Exchange: a display name only, found in the returned original's To", async () => {
    const body = [
      'Delivery has failed to these recipients or groups:',
      '',
      'Jane Roe',
      "The e-mail address you entered couldn't be found. Please check the recipient's e-mail address and try to resend the message.",
      '',
      'Original message headers:',
      '',
      returnedOriginal,
    ].join('\n');
    const from = 'Microsoft Outlook <postmaster@example.net>';
    expect(await read({ from, subject: 'Undeliverable: Your order', body })).toEqual({
      kind: 'bounce',
      recipients: [['jane@example.net', 'failed']],
    });
  });

  it('Exim\'s "Mail failure - message too big": a bounce, for the original\'s recipients', async () => {
    const body = [
      'A message that you sent was longer than the maximum size allowed on this',
      'system. It was not delivered to any recipients.',
      '',
      '------ This is a copy of the headers that were received before the error',
      '       was detected.',
      '',
      returnedOriginal,
    ].join('\n');
    const report = await decodeBounce(
      notice({
        from: 'Mail Delivery System <Mailer-Daemon@mx.example.org>',
        subject: 'Mail failure - message too big',
        body,
        headers: ['Auto-Submitted: auto-replied'],
      }),
    );
    expect(report.kind).toBe('bounce');
    expect(report.recipients.map((r) => r.address)).toEqual(['jane@example.net']);
    expect(report.recipients[0]?.diagnosticCode).toMatch(/longer than the maximum size/);
    expect(report.original?.subject).toBe('Your order');
  });

  it("Sendmail with a DSN that lists no recipient: the returned headers' To and Cc", async () => {
    const report = await decodeBounce(
      Buffer.from(
        [
          'Return-Path: <>',
          'From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>',
          'To: <sender@example.org>',
          'Subject: Returned mail: Message size exceeds fixed maximum message size (10485760)',
          'MIME-Version: 1.0',
          'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
          '',
          '--B1',
          'Content-Type: text/plain',
          '',
          '   ----- Transcript of session follows -----',
          '552 5.2.3 Message size exceeds fixed maximum message size (10485760)',
          '',
          '--B1',
          'Content-Type: message/delivery-status',
          '',
          'Reporting-MTA: dns; mx.example.org',
          '',
          '--B1',
          'Content-Type: text/rfc822-headers',
          '',
          'From: Sender <sender@example.org>',
          'To: Jane Roe <jane@example.net>',
          'Cc: bob@example.net',
          'Subject: Big attachment',
          '',
          '--B1--',
          '',
        ].join('\n'),
      ),
    );
    expect(report.kind).toBe('bounce');
    expect(report.recipients.map((r) => [r.address, r.replyCode, r.reason])).toEqual([
      ['jane@example.net', '552', 'mesgtoobig'],
      ['bob@example.net', '552', 'mesgtoobig'],
    ]);
    expect(report.warnings).toContain('the recipients are taken from the returned message');
  });

  it('Sendmail: "Message exceeds maximum fixed size" for the whole message', async () => {
    const body = [
      'The original message was received at Mon, 3 Mar 2025 10:00:00 +0000',
      'from localhost [127.0.0.1]',
      '',
      '   ----- Transcript of session follows -----',
      '552 5.2.3 Message exceeds maximum fixed size (10485760)',
      '',
      '   ----- Message header follows -----',
      '',
      returnedOriginal,
    ].join('\n');
    const report = await decodeBounce(
      notice({ subject: 'Returned mail: Message exceeds maximum fixed size (10485760)', body }),
    );
    expect(report.kind).toBe('bounce');
    expect(report.recipients.map((r) => [r.address, r.replyCode, r.status])).toEqual([
      ['jane@example.net', '552', '5.2.3'],
    ]);
  });
});

describe('hostile notices', () => {
  it('a 2 MB notice of address lines, phrases and list intros decodes in bounded time', async () => {
    const line = [
      'Delivery to the following recipients failed.',
      `   ${'x'.repeat(60)}@${'y-'.repeat(120)}z.example`,
      `Intended recipient: "${'"'.repeat(200)}<${'a'.repeat(300)}@`,
      `<${'b'.repeat(64)}@example.net>: ${'no such user '.repeat(50)}`,
    ].join('\n');
    const body = `${line}\n`.repeat(Math.ceil(2_000_000 / line.length));
    const started = performance.now();
    const report = await decodeBounce(notice({ subject: 'Undeliverable mail', body }));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(report.recipients.length).toBeGreaterThan(0);
  });
});
