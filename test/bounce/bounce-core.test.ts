// The bounce handler's pure side: configuration, the SES event, verdicts, decisions, file names,
// retry timing, failure records, ticket titles.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bounceConfigFromEnv } from '../../lambda/contracts/bounce.ts';
import { ConfigError } from '../../lambda/contracts/errors.ts';
import {
  type BounceFacts,
  type BouncePolicy,
  decideBounce,
} from '../../lambda/core/handling/decide-bounce.ts';
import { FailureRecordError } from '../../lambda/core/handling/errors.ts';
import { readFailureRecord } from '../../lambda/core/handling/failure-record.ts';
import { emlContentDisposition, emlFileName } from '../../lambda/core/links/content-disposition.ts';
import { SesEventError } from '../../lambda/core/ses/errors.ts';
import { parseSesEvent } from '../../lambda/core/ses/event.ts';
import { completeVerdicts, verdictsFromHeaders } from '../../lambda/core/ses/verdicts.ts';
import {
  backoffDelayMs,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  retryAfterMs,
  retryDelayMs,
} from '../../lambda/core/ticketing/retry-policy.ts';
import type { TrustVerdict } from '../../lambda/core/trust/trust.ts';
import { bareSesEvent, sesEvent } from '../helpers/ses-events.ts';

const ENV = {
  BUCKET_NAME: 'bounce-mail',
  IDEMPOTENCY_TABLE: 'bounce-idempotency',
  TICKET_API_URL: 'https://tickets.example.jp/api/tickets',
  TICKET_TOKEN_SECRET_ID: 'bounce-doctor/ticket-token',
  LINK_KEY_SECRET_ID: 'bounce-doctor/link-key',
  VIEWER_BASE_URL: 'https://viewer.example.jp/',
};

describe('configuration', () => {
  it('defaults', () => {
    expect(bounceConfigFromEnv(ENV)).toEqual({
      bucket: 'bounce-mail',
      incomingPrefix: 'incoming/',
      originalsPrefix: 'originals/',
      idempotencyTable: 'bounce-idempotency',
      ticketApi: {
        kind: 'generic',
        url: 'https://tickets.example.jp/api/tickets',
        tokenSecretId: 'bounce-doctor/ticket-token',
        timeoutMs: 10_000,
        maxAttempts: 4,
        budgetPerHour: 100,
      },
      links: {
        keySecretId: 'bounce-doctor/link-key',
        viewerBaseUrl: 'https://viewer.example.jp',
        expiryDays: 30,
      },
      ticketKinds: ['bounce', 'delay', 'feedback'],
      trust: { messageIdDomains: [], dkimDomains: [], ticketUntrusted: false },
    });
  });

  it('reads every setting', () => {
    const config = bounceConfigFromEnv({
      ...ENV,
      INCOMING_PREFIX: 'mail/in/',
      ORIGINALS_PREFIX: 'mail/orig/',
      TICKET_API_KIND: 'zendesk',
      TICKET_TIMEOUT_MS: '2500',
      TICKET_MAX_ATTEMPTS: '6',
      LINK_EXPIRY_DAYS: '7',
      TICKET_KINDS: 'bounce, auto-reply',
      TRUSTED_MESSAGE_ID_DOMAINS: ' Example.JP, @mail.example.com ,',
      VERP_KEY_SECRET_ID: 'bounce-doctor/verp-key',
      TICKET_UNTRUSTED: 'TRUE',
    });
    expect(config).toMatchObject({
      trust: {
        messageIdDomains: ['example.jp', 'mail.example.com'],
        verpKeySecretId: 'bounce-doctor/verp-key',
        ticketUntrusted: true,
      },
      incomingPrefix: 'mail/in/',
      originalsPrefix: 'mail/orig/',
      ticketApi: { kind: 'zendesk', timeoutMs: 2500, maxAttempts: 6 },
      links: { expiryDays: 7 },
      ticketKinds: ['bounce', 'auto-reply'],
    });
  });

  it.each([
    ['BUCKET_NAME', { BUCKET_NAME: '' }, 'BUCKET_NAME: is required'],
    ['IDEMPOTENCY_TABLE', { IDEMPOTENCY_TABLE: undefined }, 'IDEMPOTENCY_TABLE: is required'],
    [
      'TICKET_API_KIND',
      { TICKET_API_KIND: 'jira' },
      'TICKET_API_KIND: must be one of generic, zendesk, mail, not "jira"',
    ],
    [
      'TICKET_API_URL',
      { TICKET_API_URL: 'tickets.example.jp' },
      'TICKET_API_URL: not a URL: "tickets.example.jp"',
    ],
    ['TICKET_API_URL', { TICKET_API_URL: 'ftp://x.example' }, 'TICKET_API_URL: must be an http(s) URL'],
    ['TICKET_TOKEN_SECRET_ID', { TICKET_TOKEN_SECRET_ID: ' ' }, 'TICKET_TOKEN_SECRET_ID: is required'],
    ['LINK_KEY_SECRET_ID', { LINK_KEY_SECRET_ID: undefined }, 'LINK_KEY_SECRET_ID: is required'],
    ['VIEWER_BASE_URL', { VIEWER_BASE_URL: undefined }, 'VIEWER_BASE_URL: is required'],
    ['LINK_EXPIRY_DAYS', { LINK_EXPIRY_DAYS: '-1' }, 'LINK_EXPIRY_DAYS: must be a positive number, not "-1"'],
    ['TICKET_TIMEOUT_MS', { TICKET_TIMEOUT_MS: 'soon' }, 'TICKET_TIMEOUT_MS: must be a positive number'],
    [
      'TICKET_MAX_ATTEMPTS',
      { TICKET_MAX_ATTEMPTS: '2.5' },
      'TICKET_MAX_ATTEMPTS: must be a positive whole number',
    ],
    [
      'TICKET_KINDS',
      { TICKET_KINDS: 'bounce,bounced' },
      'TICKET_KINDS: "bounced" is not one of bounce, delay',
    ],
    [
      'TRUSTED_MESSAGE_ID_DOMAINS',
      { TRUSTED_MESSAGE_ID_DOMAINS: 'example.jp, mail example.jp' },
      'TRUSTED_MESSAGE_ID_DOMAINS: "mail example.jp" is not a domain name',
    ],
    ['TICKET_UNTRUSTED', { TICKET_UNTRUSTED: 'yes' }, 'TICKET_UNTRUSTED: must be true or false, not "yes"'],
  ])('an error that names %s', (setting, change, message) => {
    const error = (() => {
      try {
        bounceConfigFromEnv({ ...ENV, ...change });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).setting).toBe(setting);
    expect((error as Error).message).toContain(message);
  });
});

describe('the Lambda entry', () => {
  it('checks the environment once, at cold start, and names what is missing', async () => {
    for (const name of ['BUCKET_NAME', 'IDEMPOTENCY_TABLE', 'TICKET_API_URL']) delete process.env[name];
    await expect(import('../../lambda/handlers/bounce.ts')).rejects.toThrow(
      new ConfigError('BUCKET_NAME', 'is required'),
    );
  });
});

describe('the SES event', () => {
  it("reads the message id, SES's receipt time and all five verdicts", () => {
    expect(parseSesEvent(sesEvent('abc123', { spam: 'FAIL' }))).toEqual({
      messageId: 'abc123',
      receivedAt: '2026-11-27T09:15:04.112Z',
      verdicts: { spam: 'FAIL', virus: 'PASS', spf: 'PASS', dkim: 'GRAY', dmarc: 'PASS' },
      recipients: ['bounces@support.example.jp'],
    });
  });

  it('an event without verdicts (scanning off) and without recipients is valid', () => {
    expect(parseSesEvent(bareSesEvent('bare01'))).toEqual({ messageId: 'bare01', verdicts: {} });
  });

  it.each([
    ['no records', {}, 'Records'],
    ['two records', { Records: [1, 2] }, 'Records'],
    ['an S3 event', { Records: [{ eventSource: 'aws:s3' }] }, 'Records[0].eventSource'],
    ['a key-like message id', sesEvent('../secret'), 'Records[0].ses.mail.messageId'],
    [
      'no message id',
      { Records: [{ eventSource: 'aws:ses', ses: { mail: {} } }] },
      'Records[0].ses.mail.messageId',
    ],
  ])('refuses %s, naming the field', (_what, event, field) => {
    expect(() => parseSesEvent(event)).toThrow(SesEventError);
    expect(() => parseSesEvent(event)).toThrow(`SES event ${field}`);
  });
});

describe('verdicts and decisions', () => {
  const headers = [
    'X-SES-Spam-Verdict: PASS',
    'X-SES-Virus-Verdict: FAIL',
    'Authentication-Results: amazonses.com;',
    ' spf=pass (spf: domain of x designates y as permitted sender) smtp.mailfrom=x.example;',
    ' dkim=fail header.i=@x.example; dmarc=none header.from=x.example;',
    'X-SES-Spam-Verdict: FAIL',
    'Subject: hi',
    '',
    'body',
  ].join('\r\n');

  it("reads SES's own headers (the first of each)", () => {
    expect(verdictsFromHeaders(Buffer.from(headers))).toEqual({
      spam: 'PASS',
      virus: 'FAIL',
      spf: 'PASS',
      dkim: 'FAIL',
      dmarc: 'GRAY',
    });
  });

  it("the event's verdicts win over the headers", () => {
    expect(completeVerdicts({ virus: 'PASS' }, Buffer.from(headers))).toMatchObject({
      virus: 'PASS',
      spam: 'PASS',
    });
  });

  it('quarantines a spam or virus FAIL, virus first, nothing else', () => {
    const policy: BouncePolicy = { ticketKinds: ['bounce'], ticketUntrusted: false };
    expect(decideBounce({ verdicts: { spam: 'FAIL' } }, policy)).toEqual({
      action: 'quarantine',
      verdict: 'spam',
    });
    expect(decideBounce({ verdicts: { spam: 'FAIL', virus: 'FAIL' } }, policy)).toEqual({
      action: 'quarantine',
      verdict: 'virus',
    });
    expect(decideBounce({ verdicts: { spam: 'GRAY', spf: 'FAIL', dkim: 'FAIL' } }, policy)).toEqual({
      action: 'read',
    });
  });
});

describe('what becomes of a mail (decideBounce), step by step', () => {
  const policy: BouncePolicy = { ticketKinds: ['bounce', 'delay'], ticketUntrusted: false };
  const trusted: TrustVerdict = { trusted: true, by: 'message-id' };
  const untrusted: TrustVerdict = { trusted: false, problems: ['message-id-domain'] };
  const decoded = (kind: 'bounce' | 'auto-reply') => ({ read: true, decoded: { kind } }) as const;

  it.each<[string, BounceFacts, ReturnType<typeof decideBounce>]>([
    ['nothing known: read the mail', { verdicts: {} }, { action: 'read' }],
    ['read: decode it', { verdicts: {}, read: true }, { action: 'decode' }],
    [
      "SES's header in the mail says virus: quarantine it undecoded",
      { verdicts: { virus: 'FAIL' }, read: true },
      { action: 'quarantine', verdict: 'virus' },
    ],
    [
      'our own ticket mail coming back, whatever its kind',
      { verdicts: {}, read: true, decoded: { kind: 'bounce', ownMail: 'returns-ticket-mail' } },
      { action: 'own-mail', evidence: 'returns-ticket-mail' },
    ],
    ['a kind that gets no ticket', { verdicts: {}, ...decoded('auto-reply') }, { action: 'skip' }],
    [
      'a kind that gets one: store its original',
      { verdicts: {}, ...decoded('bounce') },
      { action: 'store-original' },
    ],
    [
      'original stored (or none returned): judge the trust',
      { verdicts: {}, ...decoded('bounce'), originalStored: false },
      { action: 'judge-trust' },
    ],
    [
      'untrusted: recorded only',
      { verdicts: {}, ...decoded('bounce'), originalStored: true, trust: untrusted },
      { action: 'untrusted', problems: ['message-id-domain'] },
    ],
    [
      'trusted: take a ticket from the budget',
      { verdicts: {}, ...decoded('bounce'), originalStored: true, trust: trusted },
      { action: 'take-budget' },
    ],
    [
      'none left in the hour',
      { verdicts: {}, ...decoded('bounce'), originalStored: true, trust: trusted, budgetGranted: false },
      { action: 'over-budget' },
    ],
    [
      'granted: the ticket',
      { verdicts: {}, ...decoded('bounce'), originalStored: true, trust: trusted, budgetGranted: true },
      { action: 'ticket', untrusted: false },
    ],
  ])('%s', (_, facts, decision) => {
    expect(decideBounce(facts, policy)).toEqual(decision);
  });

  it('TICKET_UNTRUSTED=true: an untrusted bounce goes on to the budget and a ticket marked untrusted', () => {
    const lenient: BouncePolicy = { ...policy, ticketUntrusted: true };
    const facts: BounceFacts = { verdicts: {}, ...decoded('bounce'), originalStored: true, trust: untrusted };
    expect(decideBounce(facts, lenient)).toEqual({ action: 'take-budget' });
    expect(decideBounce({ ...facts, budgetGranted: true }, lenient)).toEqual({
      action: 'ticket',
      untrusted: true,
    });
  });
});

describe('the stored original’s file name (RFC 6266)', () => {
  it.each([
    [
      'ニャーン',
      `attachment; filename="message.eml"; filename*=UTF-8''%E3%83%8B%E3%83%A3%E3%83%BC%E3%83%B3.eml`,
    ],
    [
      'Your order #123',
      `attachment; filename="Your order_123.eml"; filename*=UTF-8''Your%20order%20#123.eml`,
    ],
    [
      'Re: 見積もり (v2)',
      `attachment; filename="Re_(v2).eml"; filename*=UTF-8''Re_%20%E8%A6%8B%E7%A9%8D%E3%82%82%E3%82%8A%20%28v2%29.eml`,
    ],
    ['', `attachment; filename="message.eml"; filename*=UTF-8''message.eml`],
  ])('%j', (subject, header) => {
    expect(emlContentDisposition(subject)).toBe(header);
  });

  it('takes out path separators, quotes, control and bidi characters; keeps it short', () => {
    expect(emlFileName('../../etc/passwd')).toBe('etc_passwd.eml');
    expect(emlFileName('a"b\\c\r\nd\u202Egnp.exe')).toBe('a_b_c_d_gnp.exe.eml');
    expect([...emlFileName('長'.repeat(300))]).toHaveLength(104);
    expect(emlContentDisposition('x'.repeat(300))).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe('retry timing', () => {
  it('backs off exponentially with jitter, within the cap', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelayMs(retry, policy, 0))).toEqual([
      50, 100, 200, 400, 500,
    ]);
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelayMs(retry, policy, 1))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
  });

  it("waits at least the server's Retry-After, spread by up to half of it so throttled clients do not return together", () => {
    const policy = DEFAULT_RETRY_POLICY;
    expect(retryDelayMs(1, policy, 0, 1000)).toBe(1000);
    expect(retryDelayMs(1, policy, 1, 1000)).toBe(1500);
    expect(retryDelayMs(4, policy, 0, 1000)).toBe(backoffDelayMs(4, policy, 0));
    expect(retryDelayMs(2, policy, 0.5, undefined)).toBe(backoffDelayMs(2, policy, 0.5));
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = new Date('2026-11-27T09:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Fri, 27 Nov 2026 09:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs('later', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  it('retries 408, 429 and 5xx only', () => {
    expect([400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503].filter(isRetryableStatus)).toEqual([
      408, 429, 500, 502, 503,
    ]);
  });
});

describe('the failure queue’s records', () => {
  const record = readFileSync(
    join(import.meta.dirname, '..', 'fixtures', 'events', 'on-failure-record.json'),
    'utf8',
  );

  it('hold the original event', () => {
    const read = readFailureRecord(record);
    expect(parseSesEvent(read.event).messageId).toBe('o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1');
    expect(read).toMatchObject({
      condition: 'RetriesExhausted',
      errorType: 'TicketApiHttpError',
      errorMessage: expect.stringContaining('503'),
    });
  });

  it('anything else is refused', () => {
    expect(() => readFailureRecord('{"Records": []}')).toThrow(FailureRecordError);
    expect(() => readFailureRecord('not json')).toThrow(FailureRecordError);
  });
});
