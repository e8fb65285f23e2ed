// Refusals sent as MDNs (RFC 5429 Sieve reject; Dovecot LDA/LMTP's rejection_reason), written from
// Dovecot's template; read receipts and deletions by a person are not bounces.
import { describe, expect, it } from 'vitest';
import { decodeBounce } from '../../../lambda/core/decode.ts';

function mdn(disposition: string, text: string): Buffer {
  return Buffer.from(
    [
      'From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.net>',
      'To: <sender@example.org>',
      'Subject: Rejected: Your order',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=disposition-notification; boundary="B1"',
      '',
      '--B1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      text,
      '--B1',
      'Content-Type: message/disposition-notification',
      '',
      'Reporting-UA: mx.example.net; Dovecot Mail Delivery Agent',
      'Final-Recipient: rfc822; a@example.net',
      'Original-Message-ID: <order-1@example.org>',
      `Disposition: ${disposition}`,
      '',
      '--B1--',
      '',
    ].join('\n'),
  );
}

describe('rfc5429', () => {
  it('Dovecot: "Your message to <a@b> was automatically rejected:" with the reason', async () => {
    const report = await decodeBounce(
      mdn(
        'automatic-action/MDN-sent-automatically; deleted',
        'Your message to <a@example.net> was automatically rejected:\nQuota exceeded (mailbox for user is full)',
      ),
    );
    expect(report.decodedBy).toBe('rfc5429');
    expect(report.recipients.map((r) => [r.address, r.action, r.diagnosticCode])).toEqual([
      ['a@example.net', 'failed', 'Quota exceeded (mailbox for user is full)'],
    ]);
  });

  it('a Sieve reject in any language: the disposition decides, not the words', async () => {
    const report = await decodeBounce(
      mdn(
        'automatic-action/MDN-sent-automatically; deleted',
        'Ihre Nachricht wurde abgewiesen: Postfach voll',
      ),
    );
    expect(report.recipients.map((r) => r.address)).toEqual(['a@example.net']);
  });

  it.each([
    'manual-action/MDN-sent-manually; displayed',
    'automatic-action/MDN-sent-automatically; displayed',
    'manual-action/MDN-sent-manually; deleted',
  ])('"%s" is no refusal', async (disposition) => {
    const report = await decodeBounce(mdn(disposition, 'This is a receipt for the mail you sent.'));
    expect(report.kind).toBe('not-bounce');
  });
});
