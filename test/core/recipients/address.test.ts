// Addresses as notices write them, made plain; and the leading-address reader stays linear.
import { describe, expect, it } from 'vitest';
import { cleanAddress, isPlainAddress, leadingAddress } from '../../../lambda/core/recipients/address.ts';

describe('cleanAddress', () => {
  it.each([
    ['<a@example.net>.', 'a@example.net'],
    ['a@example.net,', 'a@example.net'],
    ['a@example.net;', 'a@example.net'],
    ['"a@example.net":', 'a@example.net'],
    ["'a@example.net'", 'a@example.net'],
    ['[SMTP:a@example.net]', 'a@example.net'],
    ['SMTP=userx@example.COM;', 'userx@example.com'],
    ['mailto:a@example.net>', 'a@example.net'],
    ['rfc822; A@Example.NET', 'a@example.net'],
    ['(a@example.net)', 'a@example.net'],
  ])('%s is %s', (raw, clean) => {
    expect(cleanAddress(raw)).toBe(clean);
  });

  it('keeps a quoted local part and what the DSN reader chose on purpose', () => {
    expect(cleanAddress('"john doe"@example.net')).toBe('"john doe"@example.net');
    expect(cleanAddress('|/usr/bin/procmail')).toBe('|/usr/bin/procmail');
    expect(cleanAddress('kijitora')).toBe('kijitora');
  });
});

describe('leadingAddress', () => {
  it.each([
    ['  <a@example.net>: 550 5.1.1 User unknown', 'a@example.net', ': 550 5.1.1 User unknown'],
    ['"a@example.net"', 'a@example.net', ''],
    ['"Jane Roe" <jane@example.net> failed', 'jane@example.net', ' failed'],
    ['[SMTP:a@example.net]', 'a@example.net', ''],
    ['userx@example.edu - no such user', 'userx@example.edu', ' - no such user'],
  ])('reads %j', (text, address, rest) => {
    expect(leadingAddress(text)).toEqual({ address, rest });
  });

  it('reads nothing where a line does not start with an address', () => {
    expect(leadingAddress('Please write to a@example.net')).toBeUndefined();
    expect(leadingAddress('a@localhost')).toBeUndefined();
  });

  it('stays linear on long runs without an address', () => {
    const hostile = `${'a'.repeat(200_000)}@${'b-'.repeat(100_000)}`;
    const started = performance.now();
    for (let i = 0; i < 20; i++) leadingAddress(hostile);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('isPlainAddress', () => {
  it.each([
    ['a@example.net', true],
    ['a@b.c', true],
    ['a@[192.0.2.1]', true],
    ['a@localhost', false],
    ['a b@example.net', false],
    ['@example.net', false],
  ])('%s: %s', (address, plain) => {
    expect(isPlainAddress(address)).toBe(plain);
  });
});

describe('who is never a recipient', () => {
  it('reads address lists with display names, quoted commas and bare addresses', async () => {
    const { MailHeaders } = await import('../../../lambda/core/mail/headers.ts');
    const { originalRecipients } = await import('../../../lambda/core/recipients/parties.ts');
    const headers = MailHeaders.parse(
      'To: "Roe, Jane" <jane@example.net>, bob@example.net,\n Ann <ann@example.net>\n',
    );
    expect(originalRecipients(headers)).toEqual([
      { name: 'Roe, Jane', address: 'jane@example.net' },
      { name: '', address: 'bob@example.net' },
      { name: 'Ann', address: 'ann@example.net' },
    ]);
  });

  it('reads a hostile 8 KB address list in linear time', async () => {
    const { MailHeaders } = await import('../../../lambda/core/mail/headers.ts');
    const { notRecipients } = await import('../../../lambda/core/recipients/parties.ts');
    const hostile = MailHeaders.parse(`From: ${'a'.repeat(8000)}@\nTo: ${'"x '.repeat(2700)}\n`);
    const started = performance.now();
    for (let i = 0; i < 50; i++) notRecipients(hostile, hostile);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
