// Builds small but real-shaped bounces for tests: a Postfix DSN carrying a remote server's words.

export interface DsnOptions {
  /** The remote server's words, as they appear after "said:". */
  words: string;
  /** Status field of the DSN; derived from the words, else 5.0.0. */
  status?: string;
  /** The command Postfix names in "(in reply to ... command)". */
  command?: 'RCPT TO' | 'MAIL FROM' | 'end of DATA' | 'DATA';
  recipient?: string;
  originalSubject?: string;
  /** The remote MTA that answered; mx.example.net when not given. */
  remoteMta?: string;
}

/** A Postfix DSN carrying the remote server's words and a small returned original, as text. */
export function postfixBounce(options: DsnOptions): string {
  const subject = options.originalSubject ?? 'Your order';
  const original = [
    'From: support@example.jp',
    `To: ${options.recipient ?? 'user@example.net'}`,
    `Subject: ${subject}`,
    'Message-ID: <order-1@example.jp>',
    '',
    'Hello.',
  ];
  return [...dsnLines(options), ...original, '', '--B1--', ''].join('\n');
}

/** The same DSN returning `original` whole (message/rfc822), CRLF as SES stores it under incoming/. */
export function postfixBounceAround(original: Buffer, options: DsnOptions): Buffer {
  const head = `${dsnLines(options).join('\r\n')}\r\n`;
  return Buffer.concat([Buffer.from(head), original, Buffer.from('\r\n--B1--\r\n')]);
}

/** Every line of the DSN up to and including the empty line that opens the returned original. */
function dsnLines(options: DsnOptions): string[] {
  const recipient = options.recipient ?? 'user@example.net';
  const status = options.status ?? /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(options.words)?.[1] ?? '5.0.0';
  const command = options.command ?? 'RCPT TO';
  const remoteMta = options.remoteMta ?? 'mx.example.net';
  return [
    'Return-Path: <>',
    'Date: Thu, 29 Apr 2021 23:45:32 +0900 (JST)',
    'From: MAILER-DAEMON@mx.example.jp (Mail Delivery System)',
    'Subject: Undelivered Mail Returned to Sender',
    'To: support@example.jp',
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
    'Message-Id: <20210429234532.AAA@mx.example.jp>',
    '',
    '--B1',
    'Content-Description: Notification',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'This is the mail system at host mx.example.jp.',
    '',
    "I'm sorry to have to inform you that your message could not",
    'be delivered to one or more recipients.',
    '',
    `<${recipient}>: host ${remoteMta}[192.0.2.25] said: ${options.words} (in reply to ${command} command)`,
    '',
    '--B1',
    'Content-Description: Delivery report',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.jp',
    'X-Postfix-Queue-ID: AAA',
    '',
    `Final-Recipient: rfc822; ${recipient}`,
    'Action: failed',
    `Status: ${status}`,
    `Remote-MTA: dns; ${remoteMta}`,
    `Diagnostic-Code: smtp; ${options.words}`,
    '',
    '--B1',
    'Content-Description: Undelivered Message',
    'Content-Type: message/rfc822',
    '',
  ];
}
