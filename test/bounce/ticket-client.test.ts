// The ticket API clients against a real node:http server with scripted faults: what is retried, how
// long it waits, what surfaces, and the request each adapter sends.
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SecretReader } from '../../lambda/adapters/secret-reader.ts';
import { secretTicketCredentials, tokenAuthorization } from '../../lambda/adapters/tickets/credentials.ts';
import {
  TicketApiAuthError,
  TicketApiHttpError,
  TicketApiNetworkError,
  TicketApiTimeoutError,
} from '../../lambda/adapters/tickets/errors.ts';
import type { RetryNotice } from '../../lambda/adapters/tickets/post-json.ts';
import { TICKET_SYSTEMS } from '../../lambda/adapters/tickets/systems/index.ts';
import { createHttpTicketClient } from '../../lambda/adapters/tickets/ticket-client.ts';
import type { HttpTicketSystemKind } from '../../lambda/contracts/ticket-systems.ts';
import type { TicketDraft } from '../../lambda/core/ticketing/ticket.ts';
import { ticketBodyHtml } from '../../lambda/core/ticketing/ticket-text.ts';
import { type FakeAws, startFakeAws } from '../helpers/fake-aws.ts';
import { startTicketApi, type TicketApi } from '../helpers/ticket-api.ts';
import { sampleDraft } from '../helpers/ticket-drafts.ts';

const TOKEN = 'tkn_9f8e7d6c5b4a';
const SECRET_ID = 'bounce-doctor/ticket-token';
const TIMEOUT_MS = 300;

let api: TicketApi;
let draft: TicketDraft;
let retries: RetryNotice[];

beforeAll(async () => {
  api = await startTicketApi();
  draft = await sampleDraft();
});
afterAll(() => api.close());
beforeEach(() => {
  api.requests.length = 0;
  api.created.length = 0;
  api.script.length = 0;
  retries = [];
});

function client(kind: HttpTicketSystemKind = 'generic', maxAttempts = 4) {
  return createHttpTicketClient({
    system: TICKET_SYSTEMS[kind],
    url: api.url,
    credentials: { authorization: async () => `Bearer ${TOKEN}` },
    tokenSecretId: SECRET_ID,
    timeoutMs: TIMEOUT_MS,
    policy: { maxAttempts, baseDelayMs: 20, maxDelayMs: 80, maxRetryAfterMs: 5_000 },
    onRetry: (notice) => retries.push(notice),
  });
}

describe('ticket API faults', () => {
  it('500, 500, then 201: one ticket, three requests with the same Idempotency-Key', async () => {
    api.script.push({ status: 500, body: { message: 'internal error' } }, { status: 500 });
    const posted = await client().post(draft);
    expect(posted.id).toBe('T-1001');
    expect(api.requests).toHaveLength(3);
    expect(api.created).toHaveLength(1);
    for (const request of api.requests) {
      expect(request.headers['idempotency-key']).toBe('sample0001');
      expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(request.headers['content-type']).toBe('application/json');
    }
    expect(retries.map((r) => r.attempt)).toEqual([1, 2]);
    expect(retries[0]?.problem).toContain('500: internal error');
  });

  it('429 with Retry-After: waits the seconds the server asks for', async () => {
    api.script.push({ status: 429, headers: { 'retry-after': '1' }, body: { error: 'rate limited' } });
    await client().post(draft);
    const [first, second] = api.requests;
    expect(api.created).toHaveLength(1);
    // The backoff alone would wait at most 80 ms.
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(retries[0]?.delayMs).toBeGreaterThanOrEqual(1000);
  });

  it('a Retry-After longer than the client may wait surfaces at once (the Lambda retries later)', async () => {
    api.script.push({ status: 503, headers: { 'retry-after': '3600' } });
    const error = await client()
      .post(draft)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TicketApiHttpError);
    expect((error as TicketApiHttpError).status).toBe(503);
    expect(api.requests).toHaveLength(1);
  });

  it('a hung response: times out, then retries', async () => {
    api.script.push('hang');
    const started = Date.now();
    await client().post(draft);
    expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(api.requests).toHaveLength(2);
    expect(api.created).toHaveLength(1);
    expect(retries[0]?.problem).toContain(`did not answer within ${TIMEOUT_MS} ms`);
  });

  it('a reset connection: retries', async () => {
    api.script.push('reset');
    await client().post(draft);
    expect(api.requests).toHaveLength(2);
    expect(api.created).toHaveLength(1);
    expect(retries[0]?.problem).toMatch(/could not reach the ticket API/);
  });

  it('408 is retried like a 5xx', async () => {
    api.script.push({ status: 408 });
    await client().post(draft);
    expect(api.requests).toHaveLength(2);
  });

  it('400: no retry; the error names the status and the API message', async () => {
    api.script.push({ status: 400, body: { error: 'RecordInvalid', description: 'Subject: is too long' } });
    const error = await client()
      .post(draft)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TicketApiHttpError);
    expect(error).toMatchObject({
      status: 400,
      apiMessage: 'RecordInvalid: Subject: is too long',
      attempts: 1,
    });
    expect((error as Error).message).toBe(
      'the ticket API answered 400: RecordInvalid: Subject: is too long (after 1 attempt)',
    );
    expect(api.requests).toHaveLength(1);
  });

  it('401: no retry; a clear "check the ticket API token" error naming the secret', async () => {
    api.script.push({ status: 401, body: { message: 'Invalid token' } });
    const error = await client()
      .post(draft)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TicketApiAuthError);
    expect((error as TicketApiAuthError).status).toBe(401);
    expect((error as Error).message).toBe(
      `the ticket API refused the token (401: Invalid token): check the ticket API token in Secrets Manager (${SECRET_ID}) and its rights`,
    );
    expect((error as Error).message).not.toContain(TOKEN);
    expect(api.requests).toHaveLength(1);
  });

  it('gives up after the last attempt with the last error', async () => {
    api.script.push({ status: 502 }, { status: 502 }, 'reset');
    const error = await client('generic', 3)
      .post(draft)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TicketApiNetworkError);
    expect((error as TicketApiNetworkError).attempts).toBe(3);
    expect(api.requests).toHaveLength(3);
    expect(api.created).toHaveLength(0);
  });

  it('a timeout on every attempt surfaces as a timeout', async () => {
    api.script.push('hang', 'hang');
    const error = await client('generic', 2)
      .post(draft)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TicketApiTimeoutError);
    expect(error).toMatchObject({ timeoutMs: TIMEOUT_MS, attempts: 2 });
  });
});

describe('request bodies', () => {
  it('zendesk: {ticket: {subject, comment: {html_body, public: false}, tags, external_id}} and the id from its answer', async () => {
    const zendesk = await startTicketApi({ zendesk: true });
    try {
      const posted = await createHttpTicketClient({
        system: TICKET_SYSTEMS.zendesk,
        url: zendesk.url,
        credentials: { authorization: async () => `Bearer ${TOKEN}` },
        tokenSecretId: SECRET_ID,
        timeoutMs: TIMEOUT_MS,
      }).post(draft);
      expect(posted).toEqual({ id: '1001', url: 'https://acme.zendesk.example/api/v2/tickets/1001.json' });
      const body = zendesk.requests[0]?.body as Record<string, Record<string, unknown>>;
      expect(Object.keys(body)).toEqual(['ticket']);
      expect(Object.keys(body.ticket ?? {}).sort()).toEqual(['comment', 'external_id', 'subject', 'tags']);
      expect(body.ticket).toEqual({
        subject: '[mailbox-full] ニャーン',
        comment: { html_body: ticketBodyHtml(draft), public: false },
        tags: ['bounce-doctor', 'bounce', 'mailbox-full', 'mailboxfull'],
        external_id: 'sample0001',
      });
      expect(zendesk.requests[0]?.headers['idempotency-key']).toBe('sample0001');
    } finally {
      await zendesk.close();
    }
  });

  it('generic: the documented fields', async () => {
    await client().post(draft);
    const body = api.requests[0]?.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(
      [
        'schema',
        'externalId',
        'title',
        'kind',
        'category',
        'reason',
        'summary',
        'remedy',
        'recipients',
        'original',
        'links',
        'verdicts',
        'trust',
        'bounce',
        'tags',
        'body',
      ].sort(),
    );
    expect(body).toMatchObject({
      schema: 'bounce-doctor.ticket/v1',
      externalId: 'sample0001',
      title: '[mailbox-full] ニャーン',
      category: 'mailbox-full',
      reason: 'mailboxfull',
      original: { subject: 'ニャーン', headersOnly: false },
      links: {
        original: 'https://viewer.example.jp/o/token-o-sample0001',
        rawBounce: 'https://viewer.example.jp/r/token-r-sample0001',
      },
      verdicts: { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'GRAY', dmarc: 'PASS' },
    });
    const [recipient] = body.recipients as Record<string, unknown>[];
    expect(Object.keys(recipient ?? {})).toEqual(
      expect.arrayContaining(['address', 'reason', 'status', 'replyCode', 'diagnosticCode', 'remoteMta']),
    );
    expect((body.summary as { ja: string; en: string }).ja).toMatch(/[ぁ-んァ-ン一-龥]/);
  });
});

describe('the token in Secrets Manager', () => {
  let aws: FakeAws;
  let secrets: SecretReader;
  beforeAll(async () => {
    aws = await startFakeAws();
    secrets = new SecretReader(
      new SecretsManagerClient({
        endpoint: aws.endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
    );
  });
  afterAll(() => aws.close());

  const secretClient = (secretId: string) =>
    createHttpTicketClient({
      system: TICKET_SYSTEMS.zendesk,
      url: api.url,
      credentials: secretTicketCredentials(secrets, secretId, TICKET_SYSTEMS.zendesk.authorization),
      tokenSecretId: secretId,
      timeoutMs: TIMEOUT_MS,
      policy: { maxAttempts: 2, baseDelayMs: 20, maxDelayMs: 80 },
    });

  it.each([
    ['a bare token: Bearer (an OAuth access token)', 'tkn-1', 'Bearer tkn-1'],
    ['{"token"}: Bearer', JSON.stringify({ token: 'tkn-2' }), 'Bearer tkn-2'],
    [
      '{"email", "token"}: Basic <email>/token:<token> (Zendesk\'s API token)',
      JSON.stringify({ email: 'agent@example.com', token: 'zd-api-token' }),
      `Basic ${Buffer.from('agent@example.com/token:zd-api-token').toString('base64')}`,
    ],
  ])('%s', async (_what, secret, header) => {
    expect(tokenAuthorization(secret)).toBe(header);
    aws.secrets.set(`format-${secret.length}`, secret);
    await secretClient(`format-${secret.length}`).post(draft);
    expect(api.requests[0]?.headers.authorization).toBe(header);
  });

  it('a rotated token: a 401 drops the cached one, the secret is read again, and the post is retried once with the new token', async () => {
    aws.secrets.set('rotating', JSON.stringify({ token: 'old-token' }));
    const client = secretClient('rotating');
    await client.post(draft);
    aws.secrets.set('rotating', JSON.stringify({ token: 'new-token' }));
    api.requests.length = 0;
    api.script.push({ status: 401, body: { error: "Couldn't authenticate you" } });
    expect(await client.post(draft)).toMatchObject({ id: expect.any(String) });
    expect(api.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer old-token',
      'Bearer new-token',
    ]);
  });

  it('a 401 with the token just read: no second try, the auth error names the secret', async () => {
    aws.secrets.set('wrong', 'wrong-token');
    api.script.push({ status: 401 }, { status: 401 });
    const error = await secretClient('wrong')
      .post(draft)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TicketApiAuthError);
    expect((error as Error).message).toContain('(wrong)');
    expect(api.requests).toHaveLength(1);
  });
});
