// The bounce Lambda's real entry (lambda/handlers/bounce.ts, configured from the environment) against
// s3rver, dynalite, a node:http stand-in for Secrets Manager and a ticket API on loopback.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IdempotencyAlreadyInProgressError } from '@aws-lambda-powertools/idempotency';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { localLambdaContext } from '../../lambda/adapters/local-context.ts';
import { IncomingMailNotFoundError, MailTooLargeError } from '../../lambda/adapters/mail-store/errors.ts';
import { TicketApiHttpError } from '../../lambda/adapters/tickets/errors.ts';
import type { BounceOutcome } from '../../lambda/core/handling/outcome.ts';
import { verifyLinkToken } from '../../lambda/core/links/link-token.ts';
import type { SesVerdicts } from '../../lambda/core/ses/verdicts.ts';
import type { BounceHandler } from '../../lambda/handlers/bounce-handler.ts';
import { type BounceWorld, BUCKET, captureOutput, startBounceWorld, TABLE } from '../helpers/bounce-world.ts';
import { FIXTURES } from '../helpers/corpus.ts';
import { bareSesEvent, sesEvent } from '../helpers/ses-events.ts';
import { EXAMPLES } from '../helpers/ticket-drafts.ts';

const TOKEN = 'tkn_live_5f4e3d2c1b0a';
const LINK_KEY = 'k3y-for-links-7Qw9Zr2Lx8Vb4Nm6Pt1Hs5Jd0Fg3Ky8C';
const VIEWER = 'https://viewer.example.jp';

let world: BounceWorld;
let handler: BounceHandler;
let output: string[] = [];

beforeAll(async () => {
  world = await startBounceWorld();
  world.aws.secrets.set('bounce-doctor/ticket-token', JSON.stringify({ token: TOKEN }));
  world.aws.secrets.set('bounce-doctor/link-key', LINK_KEY);
  world.api.createDelayMs = 150;
  Object.assign(process.env, world.awsEnv, {
    BUCKET_NAME: BUCKET,
    IDEMPOTENCY_TABLE: TABLE,
    TICKET_API_KIND: 'generic',
    TICKET_API_URL: world.api.url,
    TICKET_TOKEN_SECRET_ID: 'bounce-doctor/ticket-token',
    LINK_KEY_SECRET_ID: 'bounce-doctor/link-key',
    VIEWER_BASE_URL: `${VIEWER}/`,
    TICKET_TIMEOUT_MS: '2000',
    TICKET_MAX_ATTEMPTS: '2',
    POWERTOOLS_SERVICE_NAME: 'bounce-doctor-bounce',
  });
  // Logs and metrics are JSON lines (warnings and errors on stderr); kept to read and to search.
  output = captureOutput();
  ({ handler } = await import('../../lambda/handlers/bounce.ts'));
});

afterAll(async () => {
  vi.restoreAllMocks();
  await world?.close();
});

const putIncoming = (id: string, body: Uint8Array | string) => world.putIncoming(id, body);

const example = (file: string) => readFileSync(join(EXAMPLES, file));
const fixture = (set: string, file: string) => readFileSync(join(FIXTURES, set, file));
const run = (id: string, verdicts?: SesVerdicts) => handler(sesEvent(id, verdicts), localLambdaContext());
const ticketsFor = (id: string) =>
  world.api.created.filter((request) => (request.body as { externalId?: string }).externalId === id);

function ticketBody(id: string): Record<string, unknown> & { links: Record<string, string> } {
  const [request] = ticketsFor(id);
  if (!request) throw new Error(`no ticket for ${id}`);
  return request.body as Record<string, unknown> & { links: Record<string, string> };
}

async function headOriginal(id: string, suffix: '.eml' | '.bounce.eml' = '.eml') {
  return world.s3Client
    .send(new HeadObjectCommand({ Bucket: BUCKET, Key: `originals/${id}${suffix}` }))
    .catch((e: unknown) => e);
}

const headRawBounce = (id: string) => headOriginal(id, '.bounce.eml');

function tokenOf(link: string | undefined, kind: 'o' | 'r'): string {
  const prefix = `${VIEWER}/${kind}/`;
  expect(link?.startsWith(prefix)).toBe(true);
  return (link ?? '').slice(prefix.length);
}

describe('a bounce becomes one ticket', () => {
  it('Japanese subject: the original is stored under its subject, the ticket has both signed links', async () => {
    await putIncoming('jp0001', example('lhost-postfix-63.eml'));
    const outcome = await run('jp0001');
    expect(outcome).toEqual({
      sesMessageId: 'jp0001',
      action: 'ticketed',
      kind: 'bounce',
      category: 'mailbox-full',
      reason: 'mailboxfull',
      ticketId: expect.stringMatching(/^T-\d+$/),
      originalStored: true,
    });
    const head = await world.s3Client.send(
      new HeadObjectCommand({ Bucket: BUCKET, Key: 'originals/jp0001.eml' }),
    );
    expect(head.ContentType).toBe('message/rfc822');
    expect(head.ContentDisposition).toBe(
      `attachment; filename="message.eml"; filename*=UTF-8''%E3%83%8B%E3%83%A3%E3%83%BC%E3%83%B3.eml`,
    );
    const stored = await world.s3Client.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'originals/jp0001.eml' }),
    );
    const text = (await stored.Body?.transformToString('utf8')) ?? '';
    expect(text).toContain('Message-Id: <BA77602D-7E1E-4C1B-92C9-4A2324E3E141@example.jp>');
    expect(text).not.toContain('Quota exceeded'); // the bounce's own text is not part of the original

    // The raw bounce is published beside it, for the viewer's /r/ link, named after its own subject.
    expect(await headRawBounce('jp0001')).toMatchObject({
      ContentType: 'message/rfc822',
      ContentDisposition: `attachment; filename="Undelivered Mail Returned to Sender.eml"; filename*=UTF-8''Undelivered%20Mail%20Returned%20to%20Sender.eml`,
    });
    const bounce = await world.s3Client.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'originals/jp0001.bounce.eml' }),
    );
    expect(Buffer.from((await bounce.Body?.transformToByteArray()) ?? [])).toEqual(
      example('lhost-postfix-63.eml'),
    );

    const [request] = ticketsFor('jp0001');
    expect(request?.headers['idempotency-key']).toBe('jp0001');
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const body = ticketBody('jp0001');
    expect(body).toMatchObject({
      title: '[mailbox-full] ニャーン',
      verdicts: { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'GRAY', dmarc: 'PASS' },
      recipients: [{ address: 'neko@nyaaan.example.org', reason: 'mailboxfull', status: '5.2.2' }],
      bounce: { receivedAt: '2026-11-27T09:15:04.112Z', decodedBy: 'postfix' },
    });
    const now = new Date();
    const original = verifyLinkToken(tokenOf(body.links.original, 'o'), {
      key: LINK_KEY,
      now,
      kind: 'original',
    });
    const raw = verifyLinkToken(tokenOf(body.links.rawBounce, 'r'), {
      key: LINK_KEY,
      now,
      kind: 'rawBounce',
    });
    expect(original).toMatchObject({ ok: true, messageId: 'jp0001', kind: 'original' });
    expect(raw).toMatchObject({ ok: true, messageId: 'jp0001', kind: 'rawBounce' });
    const days = ((original.ok ? original.expiresAt : 0) * 1000 - now.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
  });

  it('a headers-only original is stored and the ticket says only the headers came back', async () => {
    await putIncoming('hdr0001', fixture('sisimai', 'lhost-amavis-01.eml'));
    expect(await run('hdr0001')).toMatchObject({ action: 'ticketed', originalStored: true });
    expect(await headOriginal('hdr0001')).toMatchObject({ ContentType: 'message/rfc822' });
    const body = ticketBody('hdr0001');
    expect(body.original).toMatchObject({ subject: 'Nyaan', headersOnly: true });
    expect(body.body).toContain('only the headers came back');
  });

  it('a bounce without the original: only the raw bounce stored, a ticket with the raw-bounce link only', async () => {
    await putIncoming('none0001', fixture('sisimai', 'lhost-apachejames-01.eml'));
    expect(await run('none0001')).toMatchObject({ action: 'ticketed', originalStored: false });
    expect(await headOriginal('none0001')).toMatchObject({ name: 'NotFound' });
    expect(await headRawBounce('none0001')).toMatchObject({
      ContentDisposition: `attachment; filename="Re_Test message.eml"; filename*=UTF-8''Re_Test%20message.eml`,
    });
    const body = ticketBody('none0001');
    expect(body.original).toBeNull();
    expect(body.links.original).toBeUndefined();
    expect(body.links.rawBounce).toMatch(`${VIEWER}/r/`);
    expect(body.title).toMatch(/^\[[a-z-]+\] \(original not returned\) /);
    expect(body.body).toContain('The bounce did not return the original message.');
  });
});

describe('mails that get no ticket', () => {
  it('spam FAIL in the event: quarantined without reading or storing the mail', async () => {
    // No object under incoming/: the handler must not even read it.
    expect(await run('spam0001', { spam: 'FAIL' })).toEqual({
      sesMessageId: 'spam0001',
      action: 'quarantined',
      verdict: 'spam',
    });
    expect(ticketsFor('spam0001')).toHaveLength(0);
    expect(await headOriginal('spam0001')).toMatchObject({ name: 'NotFound' });
    expect(await headRawBounce('spam0001')).toMatchObject({ name: 'NotFound' });
  });

  it("virus FAIL in SES's header of the stored mail (an event without verdicts): quarantined", async () => {
    await putIncoming(
      'virus0001',
      Buffer.concat([Buffer.from('X-SES-Virus-Verdict: FAIL\r\n'), example('lhost-postfix-04.eml')]),
    );
    const outcome = await handler(bareSesEvent('virus0001'), localLambdaContext());
    expect(outcome).toMatchObject({ action: 'quarantined', verdict: 'virus' });
    expect(ticketsFor('virus0001')).toHaveLength(0);
    // Stored under incoming/ by SES, but never published where the viewer reads.
    expect(await headOriginal('virus0001')).toMatchObject({ name: 'NotFound' });
    expect(await headRawBounce('virus0001')).toMatchObject({ name: 'NotFound' });
  });

  it.each([
    ['auto0001', 'an auto-reply', () => example('rfc3834-02.eml'), 'auto-reply'],
    [
      'plain0001',
      'a mail that is no bounce',
      () => fixture('not-bounce', 'is-not-bounce-01.eml'),
      'not-bounce',
    ],
    ['dlvr0001', 'a delivery notice', () => fixture('sisimai', 'lhost-amazonses-12.eml'), 'delivered'],
  ])('%s, %s: recorded and counted, no ticket, nothing stored', async (id, _what, mail, kind) => {
    await putIncoming(id, mail());
    expect(await run(id)).toMatchObject({ sesMessageId: id, action: 'skipped', kind });
    expect(ticketsFor(id)).toHaveLength(0);
    expect(await headOriginal(id)).toMatchObject({ name: 'NotFound' });
    expect(await headRawBounce(id)).toMatchObject({ name: 'NotFound' });
  });
});

describe('failures are rethrown, and the retry works', () => {
  it('a missing raw mail: a clear error; once it is there, the retry tickets it', async () => {
    const error = await run('late0001').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IncomingMailNotFoundError);
    expect((error as Error).message).toContain(`s3://${BUCKET}/incoming/late0001`);
    await putIncoming('late0001', example('lhost-postfix-04.eml'));
    expect(await run('late0001')).toMatchObject({ action: 'ticketed', category: 'recipient-unknown' });
    expect(ticketsFor('late0001')).toHaveLength(1);
  });

  it('a mail over 40 MB is refused with a clear error, before its body is read', async () => {
    const big = Buffer.alloc(40 * 1024 * 1024 + 1, 0x61);
    big.write('Subject: big\r\n\r\n');
    await putIncoming('big0001', big);
    const error = await run('big0001').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailTooLargeError);
    expect((error as Error).message).toMatch(/has 41943041 bytes or more; more than 41943040 \(40 MB/);
    expect(ticketsFor('big0001')).toHaveLength(0);
  });

  it('a ticket API error surfaces with its status; after the fix the retry tickets once', async () => {
    await putIncoming('api0001', example('lhost-postfix-38.eml'));
    world.api.script.push({ status: 422, body: { message: 'custom field "order" is required' } });
    const error = await run('api0001').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TicketApiHttpError);
    expect((error as Error).message).toContain('422: custom field "order" is required');
    expect(await run('api0001')).toMatchObject({ action: 'ticketed' });
    expect(ticketsFor('api0001')).toHaveLength(1);
  });
});

describe('exactly one ticket per bounce', () => {
  it('the same event twice, one after the other: one ticket, the same outcome', async () => {
    await putIncoming('dup0001', example('rhost-kddi-02.eml'));
    const first = await run('dup0001');
    const second = await run('dup0001');
    expect(second).toEqual(first);
    expect(ticketsFor('dup0001')).toHaveLength(1);
  });

  it('the same event three times at once: one ticket; the others are told to retry, then see it done', async () => {
    await putIncoming('dup0002', example('lhost-receivingses-05.eml'));
    const results = await Promise.allSettled([run('dup0002'), run('dup0002'), run('dup0002')]);
    const done = results.filter((r): r is PromiseFulfilledResult<BounceOutcome> => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(done).toHaveLength(1);
    expect(refused).toHaveLength(2);
    for (const r of refused) expect(r.reason).toBeInstanceOf(IdempotencyAlreadyInProgressError);
    expect(ticketsFor('dup0002')).toHaveLength(1);
    // Lambda retries the refused invocations; by then the first is done.
    expect(await run('dup0002')).toEqual(done[0]?.value);
    expect(ticketsFor('dup0002')).toHaveLength(1);
  });
});

describe('logs and metrics', () => {
  it('structured records with ids, kinds, reasons, categories and ticket ids; no mail text, no secrets', () => {
    const text = output.join('');
    const records = text
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.find((r) => r.message === 'bounce ticketed' && r.sesMessageId === 'jp0001')).toMatchObject(
      {
        level: 'INFO',
        service: 'bounce-doctor-bounce',
        kind: 'bounce',
        reason: 'mailboxfull',
        category: 'mailbox-full',
        ticketId: expect.stringMatching(/^T-/),
      },
    );
    expect(records.find((r) => r.sesMessageId === 'spam0001')).toMatchObject({
      action: 'quarantined',
      verdict: 'spam',
    });
    expect(
      records.find((r) => r.message === 'duplicate delivery: already handled, nothing done'),
    ).toBeDefined();
    expect(records.find((r) => r.message?.toString().startsWith('bounce failed'))).toMatchObject({
      sesMessageId: 'late0001',
      error: { name: 'IncomingMailNotFoundError' },
    });
    const emf = records.filter((r) => '_aws' in r);
    expect(emf).toContainEqual(
      expect.objectContaining({ category: 'mailbox-full', reason: 'mailboxfull', Bounces: 1 }),
    );
    expect(emf).toContainEqual(expect.objectContaining({ TicketsPosted: 1 }));
    expect(emf).toContainEqual(expect.objectContaining({ kind: 'auto-reply', Skipped: 1 }));
    expect(emf).toContainEqual(expect.objectContaining({ verdict: 'spam', Quarantined: 1 }));
    expect(emf).toContainEqual(expect.objectContaining({ error: 'MailTooLargeError', Failures: 1 }));
    expect(emf).toContainEqual(expect.objectContaining({ Duplicates: 1 }));
    expect(emf).toContainEqual(expect.objectContaining({ DuplicatesInProgress: 1 }));
    expect(emf.filter((r) => r.error === 'IdempotencyAlreadyInProgressError')).toEqual([]);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(LINK_KEY);
    expect(text).not.toContain('Quota exceeded'); // the server's words stay in the ticket
    expect(text).not.toContain('ニャーン'); // subjects too
  });

  it('reads each secret once per container', () => {
    const reads = world.aws.calls.filter((call) => call.action === 'secretsmanager.GetSecretValue');
    expect(reads.map((call) => call.params.SecretId).sort()).toEqual([
      'bounce-doctor/link-key',
      'bounce-doctor/ticket-token',
    ]);
  });
});
