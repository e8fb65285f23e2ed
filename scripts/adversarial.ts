// Hostile inputs for `npm run bench` (and the robustness tests): each must decode in bounded time
// and memory. Built in memory from a real-shaped Postfix bounce.

const HEAD = [
  'From: MAILER-DAEMON@mx.example.jp (Mail Delivery System)',
  'To: support@example.jp',
  'Subject: Undelivered Mail Returned to Sender',
  'Date: Thu, 29 Apr 2021 23:45:32 +0900',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
].join('\n');

const NOTICE = [
  '--B1',
  'Content-Type: text/plain; charset=us-ascii',
  '',
  'This is the mail system at host mx.example.jp.',
  '',
  '<user@example.net>: host mx.example.net[192.0.2.25] said: 550 5.1.1 User unknown (in reply to RCPT TO command)',
  '',
].join('\n');

function dsn(recipients: number): string {
  const blocks: string[] = [
    '--B1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.jp',
    '',
  ];
  for (let i = 0; i < recipients; i++) {
    blocks.push(
      `Final-Recipient: rfc822; user${i}@example.net`,
      'Action: failed',
      'Status: 5.1.1',
      'Remote-MTA: dns; mx.example.net',
      `Diagnostic-Code: smtp; 550 5.1.1 <user${i}@example.net>: Recipient address rejected: User unknown`,
      '',
    );
  }
  return blocks.join('\n');
}

/** A bounce whose returned message carries a 30 MB base64 attachment. */
export function bounceWithHugeAttachment(megabytes = 30): Buffer {
  const chunk = Buffer.alloc(57, 0x41).toString('base64'); // one 76-character base64 line
  return bounceWithAttachmentLines(Math.ceil((megabytes * 1024 * 1024) / (chunk.length + 1)));
}

/** The largest mail SES delivers (40 MiB): a bounce returning a message with a base64 attachment. */
export function bounceAtSesLimit(limitBytes = 40 * 1024 * 1024): Buffer {
  const frame = bounceWithAttachmentLines(0).length;
  return bounceWithAttachmentLines(Math.floor((limitBytes - frame) / 77));
}

function bounceWithAttachmentLines(lines: number): Buffer {
  const chunk = Buffer.alloc(57, 0x41).toString('base64');
  const attachment = `${chunk}\n`.repeat(lines);
  const original = [
    '--B1',
    'Content-Type: message/rfc822',
    '',
    'From: support@example.jp',
    'To: user@example.net',
    'Subject: The quarterly report',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="B2"',
    '',
    '--B2',
    'Content-Type: text/plain',
    '',
    'Please find the report attached.',
    '--B2',
    'Content-Type: application/pdf; name="report.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
  ].join('\n');
  return Buffer.from(`${HEAD}\n\n${NOTICE}${dsn(1)}\n${original}\n${attachment}--B2--\n\n--B1--\n`);
}

/** A bounce with a single header line of 1 MB. */
export function bounceWithHugeHeader(megabytes = 1): Buffer {
  const header = `X-Junk: ${'a'.repeat(megabytes * 1024 * 1024)}`;
  return Buffer.from(`${HEAD}\n${header}\n\n${NOTICE}${dsn(1)}\n--B1--\n`);
}

/** A DSN listing 10,000 recipients. */
export function bounceWithManyRecipients(count = 10_000): Buffer {
  return Buffer.from(`${HEAD}\n\n${NOTICE}${dsn(count)}\n--B1--\n`);
}
