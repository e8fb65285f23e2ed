// Forged bounces, the pure side: signed VERP return paths, the Message-ID domain match, the verdict,
// and the addresses a bounce was sent to read from its headers.
import { describe, expect, it } from 'vitest';
import type { TrustChecks } from '../../lambda/contracts/trust.ts';
import { decodeBounce } from '../../lambda/core/decode.ts';
import { VerpKeyError } from '../../lambda/core/trust/errors.ts';
import { judgeTrust, messageIdDomainMatches, returnPathsFromHeaders } from '../../lambda/core/trust/trust.ts';
import { verifyVerp, verpReturnPath } from '../../lambda/core/trust/verp-token.ts';
import { postfixBounce } from '../helpers/synthetic.ts';

const KEY = 'verp-key-for-tests-0123456789abcdefghijkl';
const NOW = new Date('2026-11-27T09:15:04Z');
const MAILBOX = 'bounces@bounce.example.jp';
const opts = { key: KEY, now: NOW };

describe('signed VERP return paths', () => {
  it('the documented test vector', () => {
    expect(verpReturnPath(MAILBOX, 'User@Example.NET', { ...opts, validDays: 30 })).toBe(
      'bounces+v1.20814.7bbfe7238a954735aa7a@bounce.example.jp',
    );
  });

  it('verifies against the recipient it was made for, whatever the case of either', () => {
    const path = verpReturnPath(MAILBOX, 'user@example.net', { ...opts, validDays: 30 });
    expect(verifyVerp([path.toUpperCase()], ['USER@example.net'], opts)).toEqual({
      ok: true,
      recipient: 'user@example.net',
      lastDay: 20814,
    });
  });

  it('finds the token among several addresses and several recipients', () => {
    const path = verpReturnPath(MAILBOX, 'b@example.net', { ...opts, validDays: 1 });
    const result = verifyVerp(
      ['postmaster@bounce.example.jp', path],
      ['a@example.net', 'b@example.net'],
      opts,
    );
    expect(result).toMatchObject({ ok: true, recipient: 'b@example.net' });
  });

  it.each([
    ['no token in the address', [MAILBOX], ['user@example.net'], 'no-token'],
    ['a token made for another recipient', 'other', ['user@example.net'], 'bad-signature'],
    ['a changed signature', 'tampered', ['user@example.net'], 'bad-signature'],
    ['a token past its last day', 'expired', ['user@example.net'], 'expired'],
  ])('%s', (_, which, recipients, problem) => {
    const made = (recipient: string, now = NOW) =>
      verpReturnPath(MAILBOX, recipient, { key: KEY, now, validDays: 30 });
    const paths =
      which === 'other'
        ? [made('someone@example.net')]
        : which === 'tampered'
          ? [made('user@example.net').replace(/\.([0-9a-f])/, (_m, c: string) => `.${c === '0' ? '1' : '0'}`)]
          : which === 'expired'
            ? [made('user@example.net', new Date('2026-09-01T00:00:00Z'))]
            : (which as string[]);
    expect(verifyVerp(paths, recipients, opts)).toEqual({ ok: false, problem });
  });

  it('a token signed with another key does not verify', () => {
    const path = verpReturnPath(MAILBOX, 'user@example.net', {
      key: 'another-key-of-more-than-32-bytes-0000000',
      now: NOW,
      validDays: 30,
    });
    expect(verifyVerp([path], ['user@example.net'], opts)).toEqual({ ok: false, problem: 'bad-signature' });
  });

  it('refuses a key shorter than 32 bytes', () => {
    expect(() => verifyVerp([MAILBOX], ['a@b.c'], { key: 'short', now: NOW })).toThrow(VerpKeyError);
  });
});

describe('the Message-ID domain', () => {
  it.each([
    ['<abc@example.jp>', true],
    ['<abc@mail.example.jp>', true],
    ['abc@EXAMPLE.JP', true],
    ['<abc@badexample.jp>', false],
    ['<abc@example.jp.evil.example>', false],
    ['<example.jp>', false],
    ['<"a@b"@evil.example>', false],
  ])('%s of example.jp: %s', (messageId, trusted) => {
    expect(messageIdDomainMatches(messageId, ['example.jp'])).toBe(trusted);
  });
});

describe('the verdict', () => {
  const ours = postfixBounce({ words: '550 5.1.1 No such user', recipient: 'user@example.net' });
  const forged = ours.replace('<order-1@example.jp>', '<spam-1@spammer.example>');
  const both: TrustChecks = {
    messageIdDomains: ['example.jp'],
    dkimDomains: [],
    verpKeySecretId: 'verp-key',
  };
  const judge = async (mail: string, settings: TrustChecks, returnPaths: string[] = [MAILBOX]) =>
    judgeTrust(settings, {
      report: await decodeBounce(Buffer.from(mail)),
      returnPaths,
      now: NOW,
      verpKey: KEY,
    });

  it('nothing configured: every bounce is trusted, as before', async () => {
    expect(await judge(forged, { messageIdDomains: [], dkimDomains: [] })).toEqual({
      trusted: true,
      by: 'not-checked',
    });
  });

  it("the returned original's Message-ID is ours: trusted", async () => {
    expect(await judge(ours, both)).toEqual({ trusted: true, by: 'message-id' });
  });

  it('a forged bounce: neither our Message-ID nor a token', async () => {
    expect(await judge(forged, both)).toEqual({
      trusted: false,
      problems: ['message-id-domain', 'verp-no-token'],
    });
  });

  it('a bounce without the original, sent to a signed return path: trusted by VERP', async () => {
    const cut = ours.slice(0, ours.indexOf('Content-Description: Undelivered Message'));
    const path = verpReturnPath(MAILBOX, 'user@example.net', { ...opts, validDays: 30 });
    expect(await judge(cut, both, [path])).toEqual({ trusted: true, by: 'verp' });
    expect(await judge(cut, { messageIdDomains: ['example.jp'], dkimDomains: [] }, [path])).toEqual({
      trusted: false,
      problems: ['no-original-message-id'],
    });
  });
});

describe('the addresses a bounce was sent to, from its headers (replayed events name none)', () => {
  it("reads To, Delivered-To, X-Original-To and SES's Received line", () => {
    const head = [
      'Return-Path: <>',
      'Received: from mx.example.net by inbound-smtp.us-east-1.amazonaws.com with SMTP id abc',
      ' for bounces+v1.1.aaaa@bounce.example.jp; Fri, 27 Nov 2026 09:15:04 +0000 (UTC)',
      'X-Original-To: Bounces@Bounce.example.jp',
      'Delivered-To: a@bounce.example.jp',
      'To: "Support" <bounces+x@bounce.example.jp>, b@bounce.example.jp',
      '',
      'body To: not@read.example',
    ].join('\r\n');
    expect(returnPathsFromHeaders(Buffer.from(head)).sort()).toEqual([
      'a@bounce.example.jp',
      'b@bounce.example.jp',
      'bounces+v1.1.aaaa@bounce.example.jp',
      'bounces+x@bounce.example.jp',
      'bounces@bounce.example.jp',
    ]);
  });
});
