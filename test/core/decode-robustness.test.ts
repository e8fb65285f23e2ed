// Line endings, mboxes, Japanese subjects and junk: the decoder's promises on any input.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBounce, decodeMailbox } from '../../lambda/core/decode.ts';
import { FIXTURES } from '../helpers/corpus.ts';
import { postfixBounce } from '../helpers/synthetic.ts';

const fixture = (name: string) => readFileSync(join(FIXTURES, 'sisimai', name));

describe('line endings', () => {
  it.each([
    'lhost-postfix-01.eml',
    'lhost-sendmail-01.eml',
    'arf-01.eml',
    'rfc3834-02.eml',
    'lhost-exim-01.eml',
  ])('%s decodes identically with LF, CRLF and bare CR', async (name) => {
    const lf = fixture(name).toString('latin1');
    const crlf = lf.replace(/\n/g, '\r\n');
    const cr = lf.replace(/\n/g, '\r');
    const [a, b, c] = await Promise.all(
      [lf, crlf, cr].map((text) => decodeMailbox(Buffer.from(text, 'latin1'))),
    );
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(a?.[0]?.kind).not.toBe('not-bounce');
  });
});

describe('mbox files', () => {
  it('splits at From_ lines and decodes every message in order', async () => {
    const one = postfixBounce({ words: '550 5.1.1 No such user', recipient: 'a@example.net' });
    const two = postfixBounce({ words: '552 5.2.2 Mailbox full', recipient: 'b@example.net' });
    const mbox = `From MAILER-DAEMON Thu Apr 29 23:34:45 2021\n${one}\nFrom MAILER-DAEMON Thu Apr 29 23:35:45 2021\n${two}`;
    const reports = await decodeMailbox(Buffer.from(mbox));
    expect(reports.map((r) => r.recipients.map((x) => [x.address, x.reason]))).toEqual([
      [['a@example.net', 'userunknown']],
      [['b@example.net', 'mailboxfull']],
    ]);
  });

  it('keeps a body line that merely starts with "From " inside its message', async () => {
    const text = postfixBounce({ words: '550 5.1.1 No such user' }).replace(
      'Hello.',
      'From here on, thanks.',
    );
    const reports = await decodeMailbox(Buffer.from(`From MAILER-DAEMON Thu Apr 29 23:34:45 2021\n${text}`));
    expect(reports).toHaveLength(1);
  });
});

// "バウンスメールのテスト" in ISO-2022-JP: ESC $ B, eleven two-byte characters, ESC ( B.
const SUBJECT_JIS = Buffer.from('1b244225502526257325392561213c256b244e2546253925481b2842', 'hex');

describe('the original subject', () => {
  it('decodes an ISO-2022-JP subject whose encoded words split a character in two', async () => {
    // Cut after the escape sequence and three and a half characters: in the middle of the fourth.
    const cut = 3 + 7;
    const words = [SUBJECT_JIS.subarray(0, cut), SUBJECT_JIS.subarray(cut)].map(
      (b) => `=?ISO-2022-JP?B?${b.toString('base64')}?=`,
    );
    const bounce = postfixBounce({ words: '550 5.1.1 No such user', originalSubject: words.join('\n ') });
    const report = await decodeBounce(Buffer.from(bounce));
    expect(report.original?.subject).toBe('バウンスメールのテスト');
  });

  it.each([
    ['ISO-2022-JP', '=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=', 'テスト'],
    ['Shift_JIS', '=?Shift_JIS?B?g2WDWINn?=', 'テスト'],
    ['UTF-8', '=?UTF-8?B?44OG44K544OI?=', 'テスト'],
    ['UTF-8 quoted-printable', '=?utf-8?Q?=E3=83=86=E3=82=B9=E3=83=88?=', 'テスト'],
  ])('decodes a %s subject', async (_, encoded, expected) => {
    const report = await decodeBounce(
      Buffer.from(postfixBounce({ words: '550 5.1.1 No such user', originalSubject: encoded })),
    );
    expect(report.original?.subject).toBe(expected);
  });

  it('keeps the returned bytes of the original message', async () => {
    const report = await decodeBounce(Buffer.from(postfixBounce({ words: '550 5.1.1 No such user' })));
    expect(Buffer.from(report.original?.raw ?? []).toString()).toContain('Message-ID: <order-1@example.jp>');
    expect(report.original).toMatchObject({ messageId: '<order-1@example.jp>', headersOnly: false });
  });
});

describe('bad input never throws', () => {
  const bounce = postfixBounce({ words: '550 5.1.1 No such user' });
  it.each([
    ['empty', Buffer.alloc(0)],
    ['white space', Buffer.from('\n\n  \n')],
    ['random bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
    ['NUL bytes', Buffer.alloc(2048)],
    ['headers only', Buffer.from('From: someone@example.com\nSubject: hello\n')],
    ['a plain letter', Buffer.from('From: a@example.com\nTo: b@example.com\nSubject: lunch\n\nShall we?\n')],
    ['a bounce cut in its headers', Buffer.from(bounce.slice(0, 200))],
    ['a bounce cut in its delivery report', Buffer.from(bounce.slice(0, bounce.indexOf('Status:')))],
    ['an unterminated multipart', Buffer.from(bounce.replace('--B1--', ''))],
  ])('%s', async (_, input) => {
    const reports = await decodeMailbox(input);
    expect(reports.length).toBeGreaterThan(0);
    for (const report of reports) {
      expect(['bounce', 'not-bounce', 'delay']).toContain(report.kind);
      expect(Array.isArray(report.warnings)).toBe(true);
    }
  });

  it('reads a bounce cut in its returned message as the bounce it is', async () => {
    const report = await decodeBounce(Buffer.from(bounce.slice(0, bounce.indexOf('Hello.'))));
    expect(report.recipients[0]).toMatchObject({ address: 'user@example.net', reason: 'userunknown' });
  });
});

describe('hostile inputs (their time and memory are measured by npm run bench)', () => {
  it('reads a bounce whose returned message carries a 30 MB attachment, and keeps the original', async () => {
    const { bounceWithHugeAttachment } = await import('../../scripts/adversarial.ts');
    const report = await decodeBounce(bounceWithHugeAttachment(30));
    expect(report.recipients.map((r) => r.reason)).toEqual(['userunknown']);
    expect(report.original?.subject).toBe('The quarterly report');
    expect(report.original?.raw.length).toBeGreaterThan(30 * 1024 * 1024);
  });

  it('reads a bounce with a 1 MB header line', async () => {
    const { bounceWithHugeHeader } = await import('../../scripts/adversarial.ts');
    expect((await decodeBounce(bounceWithHugeHeader(1))).recipients).toHaveLength(1);
  });

  it('keeps every recipient of a DSN that lists 10,000', async () => {
    const { bounceWithManyRecipients } = await import('../../scripts/adversarial.ts');
    const report = await decodeBounce(bounceWithManyRecipients(10_000));
    expect(report.recipients).toHaveLength(10_000);
    expect(report.recipients.at(-1)?.address).toBe('user9999@example.net');
  });
});
