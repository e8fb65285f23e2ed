// Servers' words, inside a real-shaped bounce, give the reason a support person needs.
import { describe, expect, it } from 'vitest';
import { decodeBounce } from '../../lambda/core/decode.ts';
import { postfixBounce } from '../helpers/synthetic.ts';

async function reasonOf(words: string, command?: Parameters<typeof postfixBounce>[0]['command']) {
  const report = await decodeBounce(Buffer.from(postfixBounce({ words, ...(command ? { command } : {}) })));
  expect(report.kind).toBe('bounce');
  return report.recipients[0]?.reason;
}

describe('words that mean the address does not exist', () => {
  it.each([
    'Sorry, no mailbox here by that name. (#5.1.1)',
    '550 5.1.1 The email account that you tried to reach does not exist.',
    '550 5.1.1 <user@example.net>: Recipient address rejected: User unknown in local recipient table',
    '550 Unknown user',
    '550 5.1.1 No such user',
    '550 5.1.1 <user@example.net>: Recipient address rejected: User unknown in virtual mailbox table',
  ])('"%s" is userunknown', async (words) => {
    expect(await reasonOf(words)).toBe('userunknown');
  });
});

describe('552: too large or mailbox full, decided by the enhanced code and the words', () => {
  it.each([
    // X.2.3 is "message length exceeds administrative limit" (RFC 3463): Sisimai's exceedlimit, whatever the words.
    ['552 5.2.3 Message exceeds maximum fixed size (10485760)', 'exceedlimit'],
    ['552 Message size exceeds fixed maximum message size: 4310016 bytes', 'mesgtoobig'],
    ['552 5.3.4 Error: message file too big', 'mesgtoobig'],
    ['552 5.2.2 Mailbox full', 'mailboxfull'],
    ['552 5.2.2 <user@example.net>: Recipient address rejected: Over quota', 'mailboxfull'],
    ['552 5.2.2 Requested mail action aborted: exceeded storage allocation', 'mailboxfull'],
  ])('"%s" is %s', async (words, reason) => {
    expect(await reasonOf(words, 'end of DATA')).toBe(reason);
  });
});

describe('other common refusals', () => {
  it.each([
    ['554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org', 'blocked'],
    ['550 5.7.1 Message rejected as spam by Content Filtering', 'spamdetected'],
    [
      '550 5.7.26 This mail has been blocked because the sender is unauthenticated. DMARC policy',
      'authfailure',
    ],
    ['554 5.7.1 <user@example.net>: Relay access denied', 'norelaying'],
    ['450 4.7.25 Client host rejected: cannot find your hostname, [192.0.2.1]', 'requireptr'],
    ['550 5.1.6 Recipient addresses in this domain no longer accept mail', 'hasmoved'],
  ])('"%s" is %s', async (words, reason) => {
    expect(await reasonOf(words)).toBe(reason);
  });

  it('a "user unknown" answered only after the message was sent is a filter, not an unknown address', async () => {
    expect(await reasonOf('550 User unknown', 'end of DATA')).toBe('filtered');
  });
});

describe('local delivery agents quoted in a bounce', () => {
  it.each([
    ['mail.local: unknown user: kijitora', 'userunknown'],
    ['maildrop: maildir over quota.', 'mailboxfull'],
    ['vdeliver: Invalid or unknown virtual user', 'userunknown'],
    ['vdelivermail: Sorry, no mailbox here by that name', 'userunknown'],
    ['procmail: Quota exceeded while writing "/var/mail/kijitora"', 'mailboxfull'],
    ['dovecot: Quota exceeded (mailbox for user is full)', 'mailboxfull'],
  ])('"%s" is %s, whatever the command', async (words, reason) => {
    expect(await reasonOf(words, 'end of DATA')).toBe(reason);
  });
});

// The classes of mistakes issue 11 saw on held-out mail, each through a real-shaped Postfix bounce.
async function reasonFrom(options: Parameters<typeof postfixBounce>[0]) {
  const report = await decodeBounce(Buffer.from(postfixBounce(options)));
  return report.recipients[0]?.reason;
}

describe('clear words beat a generic status or reply code', () => {
  it.each([
    ['553 5.5.4 <user@example.net>: Relay access denied', 'norelaying'],
    ['421 4.7.0 mx.example.net Error: too many connections from 192.0.2.1', 'toomanyconn'],
    ['451 4.7.1 Client host rejected: connection rate limit exceeded', 'toomanyconn'],
    ['550 5.7.1 Sender Policy Framework (SPF) fail', 'authfailure'],
    ['550 5.7.1 Message size exceeds the policy limit', 'mesgtoobig'],
    ['554 5.7.1 Rejected by security policy', 'policyviolation'],
    ['550 5.7.1 <user@example.net>... No such user', 'userunknown'],
  ])('"%s" is %s', async (words, reason) => {
    expect(await reasonFrom({ words })).toBe(reason);
  });

  it('a DNS failure that says "try again" is a network error, not an unknown host', async () => {
    const words =
      'Host or domain name not found. Name service error for name=example.net type=MX: Host not found, try again';
    expect(await reasonFrom({ words, status: '4.4.3' })).toBe('networkerror');
  });

  it('a null MX is a domain that accepts no mail, even with user-unknown words', async () => {
    const words =
      '556 5.1.10 <user@example.net>: Recipient address rejected: Domain example.net does not accept mail (nullMX)';
    expect(await reasonFrom({ words })).toBe('notaccept');
  });
});

describe("a provider's own meaning of a status", () => {
  it("Microsoft's 5.1.10 is a recipient not found where Exchange Online answered", async () => {
    const words = '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup';
    const remoteMta = 'example-net.mail.protection.outlook.com';
    expect(await reasonFrom({ words, remoteMta })).toBe('userunknown');
  });

  it("Microsoft's 5.4.1 directory-based edge blocking is a recipient not found", async () => {
    const words = '550 5.4.1 Recipient address rejected: Access denied. AS(201806281)';
    const remoteMta = 'example-net.mail.protection.outlook.com';
    expect(await reasonFrom({ words, remoteMta })).toBe('userunknown');
  });

  it('elsewhere X.1.10 is RFC 7505 null MX', async () => {
    expect(await reasonFrom({ words: '556 5.1.10 Domain does not accept mail' })).toBe('notaccept');
  });
});

describe('the MTA gave up connecting', () => {
  it('a connection refused until the queue lifetime ran out is expired, not blocked', async () => {
    const words = 'connect to mx.example.net[192.0.2.25]:25: Connection refused';
    expect(await reasonFrom({ words, status: '4.4.1' })).toBe('expired');
  });

  it("a server's own reply refusing the connection is blocked", async () => {
    expect(await reasonFrom({ words: '554 5.7.1 Connection refused: your IP 192.0.2.1 is listed' })).toBe(
      'blocked',
    );
  });
});
