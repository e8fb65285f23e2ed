// The viewer links' tokens: minted and verified with a key and a time, bound to one message and kind.
import { describe, expect, it } from 'vitest';
import { LinkKeyError } from '../../lambda/core/links/errors.ts';
import { linkExpiry, linkUrl, mintLinkToken, verifyLinkToken } from '../../lambda/core/links/link-token.ts';

const KEY = 'a-link-key-of-at-least-32-bytes-0123456789';
const NOW = new Date('2026-11-27T09:00:00Z');
const EXPIRES = linkExpiry(NOW, 30);
const claims = {
  messageId: 'o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1',
  kind: 'original' as const,
  expiresAt: EXPIRES,
};

describe('link tokens', () => {
  it('round-trips: message id, kind and expiry come back from a valid token', () => {
    const token = mintLinkToken(claims, KEY);
    expect(token).toMatch(/^v1\.o\.\d+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyLinkToken(token, { key: KEY, now: NOW, kind: 'original' })).toEqual({ ok: true, ...claims });
    expect(EXPIRES - NOW.getTime() / 1000).toBe(30 * 86_400);
  });

  it('expires at the stated second', () => {
    const token = mintLinkToken(claims, KEY);
    expect(verifyLinkToken(token, { key: KEY, now: new Date((EXPIRES - 1) * 1000) }).ok).toBe(true);
    expect(verifyLinkToken(token, { key: KEY, now: new Date(EXPIRES * 1000) })).toEqual({
      ok: false,
      problem: 'expired',
      expiresAt: EXPIRES,
    });
  });

  it.each([
    ['another key', (t: string) => t, 'another-link-key-of-at-least-32-bytes-xyz', 'bad-signature'],
    [
      'a changed expiry',
      (t: string) => t.replace(/\.(\d+)\./, (_m, n: string) => `.${Number(n) + 86_400}.`),
      KEY,
      'bad-signature',
    ],
    [
      'another message id',
      (t: string) => t.replace(/^(v1\.o\.\d+\.)[^.]+/, `$1${Buffer.from('other').toString('base64url')}`),
      KEY,
      'bad-signature',
    ],
    ['the raw-bounce kind letter', (t: string) => t.replace(/^v1\.o\./, 'v1.r.'), KEY, 'bad-signature'],
    ['a cut signature', (t: string) => t.slice(0, -4), KEY, 'bad-signature'],
    ['another version', (t: string) => t.replace(/^v1/, 'v2'), KEY, 'malformed'],
    ['four parts', (t: string) => t.split('.').slice(0, 4).join('.'), KEY, 'malformed'],
    ['junk', () => 'not a token', KEY, 'malformed'],
    ['a huge token', () => 'v1.o.1.'.padEnd(5000, 'A'), KEY, 'malformed'],
  ])('refuses %s', (_what, change, key, problem) => {
    const token = change(mintLinkToken(claims, KEY));
    expect(verifyLinkToken(token, { key, now: NOW })).toEqual({ ok: false, problem });
  });

  it("another message's token opens that message only: its signature does not fit this message's claims", () => {
    const other = mintLinkToken({ ...claims, messageId: 'another0message0id' }, KEY);
    const mine = mintLinkToken(claims, KEY);
    const spliced = [...mine.split('.').slice(0, 4), other.split('.')[4]].join('.');
    expect(verifyLinkToken(spliced, { key: KEY, now: NOW })).toEqual({ ok: false, problem: 'bad-signature' });
    expect(verifyLinkToken(other, { key: KEY, now: NOW })).toMatchObject({
      ok: true,
      messageId: 'another0message0id',
    });
  });

  it('an expired token with a bad signature is refused for its signature, never called expired', () => {
    const old = mintLinkToken({ ...claims, expiresAt: linkExpiry(NOW, -1) }, KEY);
    expect(verifyLinkToken(old, { key: 'another-link-key-of-at-least-32-bytes-xyz', now: NOW })).toEqual({
      ok: false,
      problem: 'bad-signature',
    });
  });

  it('a raw-bounce link does not open the original', () => {
    const token = mintLinkToken({ ...claims, kind: 'raw' }, KEY);
    expect(verifyLinkToken(token, { key: KEY, now: NOW, kind: 'original' })).toEqual({
      ok: false,
      problem: 'wrong-kind',
    });
  });

  it('an original link does not open the raw bounce', () => {
    const token = mintLinkToken(claims, KEY);
    expect(verifyLinkToken(token, { key: KEY, now: NOW, kind: 'raw' })).toEqual({
      ok: false,
      problem: 'wrong-kind',
    });
  });

  it('refuses a short key and an unsafe message id', () => {
    expect(() => mintLinkToken(claims, 'short')).toThrow(LinkKeyError);
    expect(() => mintLinkToken({ ...claims, messageId: '../incoming/x' }, KEY)).toThrow(
      /not a safe message id/,
    );
  });

  it('builds /o/ and /r/ URLs under the viewer base', () => {
    expect(linkUrl('https://viewer.example.jp/', 'original', 'T')).toBe('https://viewer.example.jp/o/T');
    expect(linkUrl('https://abc.lambda-url.us-east-1.on.aws', 'raw', 'T')).toBe(
      'https://abc.lambda-url.us-east-1.on.aws/r/T',
    );
  });
});
