// The last-resort reader of plain-text notices from MTAs no parser knows.
import { describe, expect, it } from 'vitest';
import { decodeBounce } from '../../../lambda/core/decode.ts';
import { decodeFixture } from '../../helpers/corpus.ts';

describe('plaintext', () => {
  it.each([
    ['rfc3464-37.eml', 'kijitora@neko.nyaan.example.com', 'hostunknown'],
    ['rfc3464-38.eml', 'kijitora-nyaan@example.jp', 'mailboxfull'],
    ['rfc3464-39.eml', 'kijitora@nyaan.example.net', 'onhold'],
  ])('reads %s', async (file, address, reason) => {
    const report = await decodeFixture('sisimai', file);
    expect(report.decodedBy).toBe('plaintext');
    expect(report.recipients.map((r) => [r.address, r.reason])).toEqual([[address, reason]]);
  });

  const notice = (from: string, subject: string, body: string) =>
    Buffer.from(`From: ${from}\nTo: shop@example.org\nSubject: ${subject}\n\n${body}\n`);

  it('needs a mailer daemon as the sender', async () => {
    const report = await decodeBounce(
      notice('friend@example.com', 'Returned mail: sorry', 'User unknown: a@example.jp'),
    );
    expect(report.kind).toBe('not-bounce');
  });

  it('needs a subject that says the delivery failed', async () => {
    const report = await decodeBounce(
      notice('postmaster@example.com', 'Newsletter', 'User unknown: a@example.jp'),
    );
    expect(report.kind).toBe('not-bounce');
  });

  it('ignores addresses on quoted header lines and lines without failure words', async () => {
    const body = 'Your message\nTo: a@example.jp\nDear a@example.jp, thanks.';
    const report = await decodeBounce(notice('MAILER-DAEMON@example.com', 'Undeliverable: hello', body));
    expect(report.kind).toBe('not-bounce');
  });
});
