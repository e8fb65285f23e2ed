// The viewer Lambda's real entry (lambda/handlers/viewer.ts, configured from the environment) against
// s3rver and a node:http stand-in for Secrets Manager: routes, status codes, headers, downloads, the
// pages for links that open nothing, and what it logs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeBounce } from '../../lambda/core/decode.ts';
import { parseLinkKeys } from '../../lambda/core/links/link-keys.ts';
import { linkExpiry, mintLinkToken } from '../../lambda/core/links/link-token.ts';
import type { StoredMailKind } from '../../lambda/core/links/stored-mail.ts';
import { FIXTURES } from '../helpers/corpus.ts';
import { type FakeAws, startFakeAws } from '../helpers/fake-aws.ts';
import { type LocalS3, localAwsEnv, startS3 } from '../helpers/local-aws.ts';
import { dsnAround, publishMails, viewerFixture } from '../helpers/viewer-mails.ts';

const BUCKET = 'bounce-mail';
const KEY = 'viewer-handler-test-key-0123456789-abcdefgh';
const SUBJECT = 'ご注文の確認（注文番号 1234）';
const EML_DISPOSITION = `attachment; filename="1234.eml"; filename*=UTF-8''%E3%81%94%E6%B3%A8%E6%96%87%E3%81%AE%E7%A2%BA%E8%AA%8D%EF%BC%88%E6%B3%A8%E6%96%87%E7%95%AA%E5%8F%B7%201234%EF%BC%89.eml`;

let s3: LocalS3;
let aws: FakeAws;
let client: S3Client;
let handler: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;
const output: string[] = [];
const iso = viewerFixture('iso-2022-jp-original.eml');

beforeAll(async () => {
  [s3, aws] = await Promise.all([startS3([BUCKET]), startFakeAws()]);
  aws.secrets.set('bounce-doctor/link-key', JSON.stringify({ key: KEY }));
  Object.assign(
    process.env,
    localAwsEnv({ s3: s3.endpoint, dynamodb: 'http://127.0.0.1:9', secretsManager: aws.endpoint }),
    {
      BUCKET_NAME: BUCKET,
      LINK_KEY_SECRET_ID: 'bounce-doctor/link-key',
      POWERTOOLS_SERVICE_NAME: 'bounce-doctor-viewer',
    },
  );
  delete process.env.ORIGINALS_PREFIX;
  client = new S3Client({
    endpoint: s3.endpoint,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  const amavis = readFileSync(join(FIXTURES, 'sisimai', 'lhost-amavis-01.eml'));
  const headersOnly = (await decodeBounce(amavis)).original?.raw;
  if (!headersOnly) throw new Error('lhost-amavis-01 returns the headers of its original');
  await Promise.all([
    publishMails(client, BUCKET, 'jp0001', {
      original: iso,
      rawBounce: dsnAround(iso),
      originalSubject: SUBJECT,
    }),
    publishMails(client, BUCKET, 'hdr0001', { original: Buffer.from(headersOnly), rawBounce: amavis }),
    // Stored before the raw bounce was published beside it: the page goes without a diagnosis.
    publishMails(client, BUCKET, 'old0001', { original: iso }),
    // No Content-Disposition stored: the download is named from the subject.
    client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'originals/bare0001.eml', Body: iso })),
    // Beside the prefix, where the viewer must not look.
    client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'incoming/jp0002', Body: iso })),
  ]);
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output.push(String(chunk));
      return true;
    });
  }
  ({ handler } = await import('../../lambda/handlers/viewer.ts'));
});

afterAll(async () => {
  vi.restoreAllMocks();
  client?.destroy();
  await Promise.all([s3?.close(), aws?.close()]);
});

const token = (
  id: string,
  kind: StoredMailKind = 'original',
  expiresAt = linkExpiry(new Date(), 30),
  key = KEY,
) => mintLinkToken({ messageId: id, kind, expiresAt }, key);

function request(path: string, method = 'GET'): Promise<APIGatewayProxyStructuredResultV2> {
  const event = {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'abc.lambda-url.us-east-1.on.aws' },
    isBase64Encoded: false,
    requestContext: {
      http: {
        method,
        path,
        protocol: 'HTTP/1.1',
        sourceIp: '192.0.2.1',
        userAgent: 'Mozilla/5.0 (X11; Linux x86_64)\u001b[31m\nforged: line',
      },
    },
  } as unknown as APIGatewayProxyEventV2;
  return handler(event);
}

const bodyOf = (response: APIGatewayProxyStructuredResultV2) =>
  Buffer.from(response.body ?? '', response.isBase64Encoded ? 'base64' : 'utf8');

describe('previews', () => {
  it('/o/<token>: the original, with every security header', async () => {
    // One token: two minted a second apart differ, and the page links the one it was opened with.
    const link = token('jp0001');
    const response = await request(`/o/${link}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': expect.stringMatching(
        /^default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; .*form-action 'none'; frame-ancestors 'none'; base-uri 'none'$/,
      ),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'Cache-Control': 'private, no-store',
    });
    const page = bodyOf(response).toString('utf8');
    expect(page).toContain(`<title>${SUBJECT}</title>`);
    expect(page).toContain('recipient-unknown');
    expect(page).toContain(`href="/o/${link}/download"`);
  });

  it('/r/<token>: the raw bounce, titled by its own subject, with the diagnosis', async () => {
    const response = await request(`/r/${token('jp0001', 'rawBounce')}`);
    expect(response.statusCode).toBe(200);
    const page = bodyOf(response).toString('utf8');
    expect(page).toContain('<title>Undelivered Mail Returned to Sender</title>');
    expect(page).toContain('The bounce as received');
    expect(page).toContain('Recipient address rejected: User unknown');
  });

  it('a headers-only original says only the headers came back', async () => {
    const page = bodyOf(await request(`/o/${token('hdr0001')}`)).toString('utf8');
    expect(page).toContain('<title>Nyaan</title>');
    expect(page).toContain('Only the headers came back in the bounce; there is no body.');
  });

  it('an original stored without its bounce is shown without the diagnosis', async () => {
    const response = await request(`/o/${token('old0001')}`);
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response).toString('utf8')).toContain('The bounce is not stored');
  });
});

describe('downloads', () => {
  it('/o/<token>/download: the stored bytes as message/rfc822, named after the subject (RFC 6266)', async () => {
    const response = await request(`/o/${token('jp0001')}/download`);
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      'Content-Type': 'message/rfc822',
      'Content-Disposition': EML_DISPOSITION,
      'X-Content-Type-Options': 'nosniff',
    });
    expect(bodyOf(response)).toEqual(iso);
  });

  it('/r/<token>/download: the raw bounce, named after its subject', async () => {
    const response = await request(`/r/${token('jp0001', 'rawBounce')}/download`);
    expect(response.headers?.['Content-Disposition']).toBe(
      `attachment; filename="Undelivered Mail Returned to Sender.eml"; filename*=UTF-8''Undelivered%20Mail%20Returned%20to%20Sender.eml`,
    );
    expect(bodyOf(response)).toEqual(dsnAround(iso));
  });

  it('an object stored without Content-Disposition is named from its subject', async () => {
    const response = await request(`/o/${token('bare0001')}/download`);
    expect(response.headers?.['Content-Disposition']).toBe(EML_DISPOSITION);
  });

  it('a mail over 4 MB is sent by a presigned URL made at the click, which works for minutes', async () => {
    const big = Buffer.concat([iso, Buffer.alloc(4_200_000, 'x')]);
    await publishMails(client, BUCKET, 'big0001', { original: big, originalSubject: SUBJECT });
    const response = await request(`/o/${token('big0001')}/download`);
    expect(response.statusCode).toBe(303);
    const location = String(response.headers?.Location);
    expect(location).toMatch(/\/originals\/big0001\.eml\?.*X-Amz-Expires=300/);
    const fetched = await fetch(location);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-disposition')).toBe(EML_DISPOSITION);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(big)).toBe(true);
  });
});

describe('links that open nothing', () => {
  const expired = () => token('jp0001', 'original', Math.floor(Date.now() / 1000) - 3600);

  it('an expired link: 403 and the expiry page, whatever the message', async () => {
    const response = await request(`/o/${expired()}`);
    expect(response.statusCode).toBe(403);
    const page = bodyOf(response).toString('utf8');
    expect(page).toContain('This link has expired');
    expect(page).toContain('このリンクは有効期限が切れています');
    expect(page).not.toContain(SUBJECT);
  });

  it('altered, cut, foreign-key, wrong-route and unknown-message links all get the same 404, byte for byte', async () => {
    const good = token('jp0001');
    const cases = {
      'a changed expiry': good.replace(/\.o\.(\d+)\./, (_m, n: string) => `.o.${Number(n) + 1}.`),
      'a cut signature': good.slice(0, -3),
      'another key': token('jp0001', 'original', undefined, 'another-key-of-32-bytes-or-more-0123456789'),
      'an original link on the raw route': `../r/${good}`,
      'a valid link to a message not stored': token('gone0001'),
      'a valid link to a mail stored only under incoming/': token('jp0002'),
      junk: 'hello',
    };
    const answers = await Promise.all(
      Object.values(cases).map((t) => request(t.startsWith('../r/') ? t.slice(2) : `/o/${t}`)),
    );
    for (const answer of answers) {
      expect(answer.statusCode).toBe(404);
      expect(answer.headers).toEqual(answers[0]?.headers);
      expect(answer.body).toBe(answers[0]?.body);
    }
    const page = String(answers[0]?.body);
    expect(page).toContain('This link does not open a message');
    expect(page).toContain('このリンクではメッセージを表示できません');
  });

  it.each([
    ['/', 404],
    ['/o/', 404],
    ['/x/abc', 404],
    [`/o/${'a'.repeat(2000)}`, 404],
    ['/favicon.ico', 404],
  ])('%s answers %i', async (path, status) => {
    expect((await request(path)).statusCode).toBe(status);
  });

  it('a POST answers 405 with Allow: GET, HEAD', async () => {
    const response = await request(`/o/${token('jp0001')}`, 'POST');
    expect(response.statusCode).toBe(405);
    expect(response.headers?.Allow).toBe('GET, HEAD');
  });
});

describe('logs and metrics', () => {
  it('a record per request with the result, the source address and user agent, and, for a good signature, the message id; never a token', () => {
    const text = output.join('');
    const records = text
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toContainEqual(
      expect.objectContaining({
        message: 'viewer request',
        service: 'bounce-doctor-viewer',
        result: 'preview',
        route: 'preview',
        link: 'original',
        sesMessageId: 'jp0001',
        sourceIp: '192.0.2.1',
        userAgent: 'Mozilla/5.0 (X11; Linux x86_64) [31m forged: line',
      }),
    );
    // Refused links are anyone's guesses: counted, and logged at debug only (not at the default level).
    expect(records.filter((r) => r.result === 'refused' && r.message)).toEqual([]);
    expect(records).toContainEqual(expect.objectContaining({ ViewerRequests: 1, result: 'refused' }));
    expect(records).toContainEqual(expect.objectContaining({ result: 'missing', sesMessageId: 'gone0001' }));
    expect(records).toContainEqual(expect.objectContaining({ ViewerRequests: 1, result: 'redirect' }));
    expect(text).not.toMatch(/v2\.[\w-]+\.[or]\.\d+\./);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(SUBJECT);
  });

  it('reads the link key once per container (within its 5-minute cache)', () => {
    expect(aws.calls.filter((call) => call.action === 'secretsmanager.GetSecretValue')).toHaveLength(1);
  });
});

/** An HTML original as a stranger may send it: `html` is the whole text/html part. */
function htmlOriginal(html: string): Buffer {
  return Buffer.from(
    [
      'From: shop@example.jp',
      'To: hanako@docomo.ne.jp',
      'Subject: heavy',
      'Message-ID: <heavy-1@example.jp>',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      html,
      '',
    ].join('\r\n'),
  );
}

describe('a hostile original cannot stall the viewer (finding 4)', () => {
  it.each([
    [
      'one 320 KB inline style: the declaration is dropped, the rest shown',
      `<p style="color: ${'a'.repeat(320_000)}">x</p>`,
      (page: string) => {
        expect(page).toContain('<iframe');
        expect(page).not.toContain('aaaaaaaaaa');
      },
    ],
    [
      '480,000 nested <div>s: the HTML is offered as a download only',
      `${'<div>'.repeat(480_000)}x`,
      (page: string) => {
        expect(page).not.toContain('<iframe');
        expect(page).toContain('too complex to show here; download the .eml');
      },
    ],
    [
      'a style sheet nested 80,000 deep: the sheet is left out',
      `<style>${'@media screen{'.repeat(80_000)}p{color:red}</style>x`,
      (page: string) => {
        expect(page).toContain('<iframe');
        expect(page).toContain('Style sheets left out: 1');
      },
    ],
  ])('%s, within 1 s', async (_what, html, check) => {
    const id = `heavy${html.length}`;
    await publishMails(client, BUCKET, id, { original: htmlOriginal(html), originalSubject: 'heavy' });
    const started = performance.now();
    const response = await request(`/o/${token(id)}`);
    const elapsed = performance.now() - started;
    expect(response.statusCode).toBe(200);
    expect(elapsed).toBeLessThan(1000);
    check(bodyOf(response).toString('utf8'));
  });
});

describe('a link key rotation', () => {
  const NEW_KEY = 'viewer-handler-new-key-0123456789-abcdefgh';
  const secretReads = () =>
    aws.calls.filter((call) => call.action === 'secretsmanager.GetSecretValue').length;

  it('a link signed with a key added after the viewer cached the secret opens: the secret is read again once', async () => {
    const ring = { current: 'k2', keys: { '0': KEY, k2: NEW_KEY } };
    aws.secrets.set('bounce-doctor/link-key', JSON.stringify(ring));
    const expiresAt = linkExpiry(new Date(), 30);
    const fresh = mintLinkToken(
      { messageId: 'jp0001', kind: 'original', expiresAt },
      parseLinkKeys(JSON.stringify(ring)),
    );
    expect(fresh).toMatch(/^v2\.k2\./);
    const before = secretReads();
    expect((await request(`/o/${fresh}`)).statusCode).toBe(200);
    expect(secretReads()).toBe(before + 1);
    expect((await request(`/o/${token('jp0001')}`)).statusCode).toBe(200);
    // Unknown key ids do not make every request a Secrets Manager call: one fresh read a minute at most.
    const unknown = fresh.replace(/^v2\.k2\./, 'v2.k9.');
    for (let i = 0; i < 3; i++) expect((await request(`/o/${unknown}`)).statusCode).toBe(404);
    expect(secretReads()).toBe(before + 1);
  });
});
