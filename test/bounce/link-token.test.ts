// The viewer links' tokens: minted and verified with a key and a time, bound to one message and kind.
import { describe, expect, it } from 'vitest';
import { LinkKeyError } from '../../lambda/core/links/errors.ts';
import { parseLinkKeys } from '../../lambda/core/links/link-keys.ts';
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
    expect(token).toMatch(/^v2\.0\.o\.\d+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyLinkToken(token, { key: KEY, now: NOW, kind: 'original' })).toEqual({
      ok: true,
      keyId: '0',
      ...claims,
    });
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
      (t: string) => t.replace(/\.o\.(\d+)\./, (_m, n: string) => `.o.${Number(n) + 86_400}.`),
      KEY,
      'bad-signature',
    ],
    [
      'another message id',
      (t: string) => t.replace(/^(v2\.0\.o\.\d+\.)[^.]+/, `$1${Buffer.from('other').toString('base64url')}`),
      KEY,
      'bad-signature',
    ],
    ['the raw-bounce kind letter', (t: string) => t.replace(/^v2\.0\.o\./, 'v2.0.r.'), KEY, 'bad-signature'],
    ['another key id', (t: string) => t.replace(/^v2\.0\./, 'v2.1.'), KEY, 'unknown-key'],
    ['a cut signature', (t: string) => t.slice(0, -4), KEY, 'malformed'],
    ['another version', (t: string) => t.replace(/^v2/, 'v1'), KEY, 'malformed'],
    ['four parts', (t: string) => t.split('.').slice(0, 4).join('.'), KEY, 'malformed'],
    ['junk', () => 'not a token', KEY, 'malformed'],
    ['a huge token', () => 'v2.0.o.1.'.padEnd(5000, 'A'), KEY, 'malformed'],
  ])('refuses %s', (_what, change, key, problem) => {
    const token = change(mintLinkToken(claims, KEY));
    expect(verifyLinkToken(token, { key, now: NOW })).toEqual({ ok: false, problem });
  });

  it("another message's token opens that message only: its signature does not fit this message's claims", () => {
    const other = mintLinkToken({ ...claims, messageId: 'another0message0id' }, KEY);
    const mine = mintLinkToken(claims, KEY);
    const spliced = [...mine.split('.').slice(0, 5), other.split('.')[5]].join('.');
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
    const token = mintLinkToken({ ...claims, kind: 'rawBounce' }, KEY);
    expect(verifyLinkToken(token, { key: KEY, now: NOW, kind: 'original' })).toEqual({
      ok: false,
      problem: 'wrong-kind',
    });
  });

  it('an original link does not open the raw bounce', () => {
    const token = mintLinkToken(claims, KEY);
    expect(verifyLinkToken(token, { key: KEY, now: NOW, kind: 'rawBounce' })).toEqual({
      ok: false,
      problem: 'wrong-kind',
    });
  });

  it('refuses a short key and an unsafe message id', () => {
    expect(() => mintLinkToken(claims, 'short')).toThrow(LinkKeyError);
    expect(() => parseLinkKeys(JSON.stringify({ current: 'a', keys: { a: KEY, b: 'short' } }))).toThrow(
      /"b" has 5 bytes/,
    );
    expect(() => mintLinkToken({ ...claims, messageId: '../incoming/x' }, KEY)).toThrow(
      /not a safe message id/,
    );
  });

  it('refuses a signature in non-canonical base64url (its spare low bits set): one signature, one spelling', () => {
    const token = mintLinkToken(claims, KEY);
    const signature = token.slice(token.lastIndexOf('.') + 1);
    // 32 bytes in 43 characters: the last one carries 4 bits of the HMAC and 2 spare bits that must be 0.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(signature.at(-1) ?? '');
    expect(last % 4).toBe(0);
    const twin = `${token.slice(0, -1)}${alphabet[last + 1]}`;
    expect(Buffer.from(twin.slice(twin.lastIndexOf('.') + 1), 'base64url')).toEqual(
      Buffer.from(signature, 'base64url'),
    );
    expect(verifyLinkToken(twin, { key: KEY, now: NOW })).toEqual({ ok: false, problem: 'malformed' });
  });

  it('builds /o/ and /r/ URLs under the viewer base', () => {
    expect(linkUrl('https://viewer.example.jp/', 'original', 'T')).toBe('https://viewer.example.jp/o/T');
    expect(linkUrl('https://abc.lambda-url.us-east-1.on.aws', 'rawBounce', 'T')).toBe(
      'https://abc.lambda-url.us-east-1.on.aws/r/T',
    );
  });
});

describe('link keys and their rotation', () => {
  const OLD = 'the-old-link-key-of-at-least-32-bytes-0123';
  const NEW = 'the-new-link-key-of-at-least-32-bytes-4567';

  it('reads the three secret formats: the key, {"key"}, and a ring with the current key named', () => {
    expect(parseLinkKeys(OLD)).toEqual({ currentId: '0', keys: new Map([['0', Buffer.from(OLD)]]) });
    expect(parseLinkKeys(JSON.stringify({ key: OLD }))).toEqual(parseLinkKeys(OLD));
    const ring = parseLinkKeys(JSON.stringify({ current: '2027a', keys: { '0': OLD, '2027a': NEW } }));
    expect(ring.currentId).toBe('2027a');
    expect([...ring.keys.keys()]).toEqual(['0', '2027a']);
    expect(() => parseLinkKeys(JSON.stringify({ current: 'x', keys: { y: NEW } }))).toThrow(
      /"x" is not among/,
    );
    expect(() => parseLinkKeys(JSON.stringify({ current: 'a.b', keys: { 'a.b': NEW } }))).toThrow(/id "a.b"/);
  });

  it('a rotation keeps the links signed with the old key working, and new links use the new key', () => {
    const before = mintLinkToken(claims, parseLinkKeys(OLD));
    const ring = parseLinkKeys(JSON.stringify({ current: 'n1', keys: { '0': OLD, n1: NEW } }));
    const after = mintLinkToken(claims, ring);
    expect(after).toMatch(/^v2\.n1\./);
    expect(verifyLinkToken(before, { key: ring, now: NOW })).toMatchObject({ ok: true, keyId: '0' });
    expect(verifyLinkToken(after, { key: ring, now: NOW })).toMatchObject({ ok: true, keyId: 'n1' });
    // Once the old key is dropped from the ring, its links open nothing; and a link never names a key
    // it was not signed with: the id is part of the signed text.
    expect(verifyLinkToken(before, { key: parseLinkKeys(NEW), now: NOW })).toMatchObject({ ok: false });
    const relabelled = after.replace(/^v2\.n1\./, 'v2.0.');
    expect(verifyLinkToken(relabelled, { key: ring, now: NOW })).toEqual({
      ok: false,
      problem: 'bad-signature',
    });
  });
});
