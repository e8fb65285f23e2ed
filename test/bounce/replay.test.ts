// `bounce-doctor replay` against the same local servers as the handler: a folder of mails, an S3
// prefix and time range, and the on-failure queue (a node:http SQS stand-in).
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReplay } from '../../bin/cli/replay.ts';
import { type BounceWorld, BUCKET, startBounceWorld, TABLE } from '../helpers/bounce-world.ts';
import { type FakeSqs, startFakeSqs } from '../helpers/fake-sqs.ts';
import { sesEvent } from '../helpers/ses-events.ts';
import { EXAMPLES } from '../helpers/ticket-drafts.ts';

let world: BounceWorld;
let sqs: FakeSqs;
let env: Record<string, string>;

beforeAll(async () => {
  [world, sqs] = await Promise.all([startBounceWorld(), startFakeSqs()]);
  world.aws.secrets.set('bounce-doctor/ticket-token', JSON.stringify({ token: 'tkn_replay' }));
  world.aws.secrets.set(
    'bounce-doctor/link-key',
    JSON.stringify({ key: 'replay-link-key-0123456789-abcdefghijkl' }),
  );
  env = {
    ...world.awsEnv,
    AWS_ENDPOINT_URL_SQS: sqs.endpoint,
    BUCKET_NAME: BUCKET,
    IDEMPOTENCY_TABLE: TABLE,
    TICKET_API_URL: world.api.url,
    TICKET_TOKEN_SECRET_ID: 'bounce-doctor/ticket-token',
    LINK_KEY_SECRET_ID: 'bounce-doctor/link-key',
    VIEWER_BASE_URL: 'https://viewer.example.jp',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
  };
  Object.assign(process.env, env);
});

afterAll(async () => {
  await Promise.all([world?.close(), sqs?.close()]);
});

async function replay(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) =>
    new Writable({
      write(chunk, _encoding, done) {
        into.push(String(chunk));
        done();
      },
    });
  const code = await runReplay(args, { out: sink(out), err: sink(err), env });
  return { code, out: out.join(''), err: err.join('') };
}

const ticketsFor = (id: string) =>
  world.api.created.filter((request) => (request.body as { externalId?: string }).externalId === id);

const putIncoming = (id: string, file: string) => world.putIncoming(id, readFileSync(join(EXAMPLES, file)));

describe('replay --folder', () => {
  it('tickets the bounces of a folder once; a second replay finds them handled', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bd-replay-'));
    copyFileSync(join(EXAMPLES, 'lhost-postfix-04.eml'), join(folder, 'mail-a.eml'));
    copyFileSync(join(EXAMPLES, 'rfc3834-02.eml'), join(folder, 'auto-b.eml'));

    const first = await replay('--folder', folder);
    expect(first.code).toBe(0);
    expect(first.out).toContain('auto-b  no ticket: auto-reply [auto-reply]');
    expect(first.out).toMatch(/mail-a {2}ticket T-\d+ \[recipient-unknown\]/);
    expect(first.out).toContain(
      'replay: 1 ticketed, 0 already handled, 1 no ticket, 0 quarantined, 0 failed',
    );
    const head = await world.s3Client.send(
      new HeadObjectCommand({ Bucket: BUCKET, Key: 'originals/mail-a.eml' }),
    );
    expect(head.ContentType).toBe('message/rfc822');

    const second = await replay('--folder', folder);
    expect(second.out).toMatch(/mail-a {2}already handled: ticket T-\d+/);
    expect(second.out).toContain('replay: 0 ticketed, 2 already handled');
    expect(ticketsFor('mail-a')).toHaveLength(1);
  });
});

describe('replay --s3', () => {
  it('runs the raw mails under the prefix that were stored within the time range', async () => {
    const before = new Date(Date.now() - 60_000).toISOString();
    await putIncoming('s3mail01', 'lhost-postfix-38.eml');
    await putIncoming('s3mail02', 'rhost-gsuite-06.eml');
    const future = new Date(Date.now() + 3_600_000).toISOString();

    expect((await replay('--s3', '--since', future)).out).toContain('replay: 0 ticketed');
    const run = await replay('--s3', '--since', before, '--until', future);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/s3mail01 {2}ticket T-\d+ \[rejected-as-spam-or-blocklisted\]/);
    expect(run.out).toMatch(/s3mail02 {2}ticket T-\d+ \[temporary-or-delayed\]/);
    expect(ticketsFor('s3mail01')).toHaveLength(1);
    expect(ticketsFor('s3mail02')).toHaveLength(1);
  });
});

describe('replay --queue', () => {
  it('drains the on-failure queue: handled records are deleted, failing ones stay', async () => {
    const record = (id: string) =>
      JSON.stringify({
        version: '1.0',
        requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: 3 },
        requestPayload: sesEvent(id),
        responsePayload: {
          errorType: 'TicketApiTimeoutError',
          errorMessage: 'the ticket API did not answer',
        },
      });
    await putIncoming('queue01', 'lhost-receivingses-05.eml');
    sqs.send(record('queue01'));
    sqs.send(record('queue02')); // its raw mail is missing
    sqs.send(record('mail-a')); // ticketed by the folder replay already
    sqs.send('{"not": "a failure record"}');

    const run = await replay('--queue', sqs.queueUrl);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/queue01 {2}ticket T-\d+ \[message-too-large\] \(deleted from the queue\)/);
    expect(run.out).toContain(
      'queue02  FAILED IncomingMailNotFoundError: the raw mail is not at s3://bounce-mail/incoming/queue02',
    );
    expect(run.out).toMatch(
      /mail-a {2}already handled: ticket T-\d+ \[recipient-unknown\] \(deleted from the queue\)/,
    );
    expect(run.out).toMatch(/queue message msg-\d+ {2}FAILED FailureRecordError: .*\(left in the queue\)/);
    expect(run.out).toContain('replay: 1 ticketed, 1 already handled, 0 no ticket, 0 quarantined, 2 failed');
    expect(sqs.bodies()).toHaveLength(2);
    expect(sqs.deleted).toHaveLength(2);
    expect(ticketsFor('queue01')).toHaveLength(1);
    expect(ticketsFor('mail-a')).toHaveLength(1);
  });
});

describe('usage', () => {
  it('a missing setting is named; exit 2', async () => {
    const out: string[] = [];
    const sink = new Writable({
      write(chunk, _e, done) {
        out.push(String(chunk));
        done();
      },
    });
    const code = await runReplay(['--folder', '.'], {
      out: sink,
      err: sink,
      env: { ...env, BUCKET_NAME: '' },
    });
    expect(code).toBe(2);
    expect(out.join('')).toContain('bounce-doctor replay: BUCKET_NAME: is required');
  });

  it('one mode at a time', async () => {
    const { code, err } = await replay('--s3', '--queue', 'x');
    expect(code).toBe(2);
    expect(err).toContain('give one of --folder, --s3 or --queue');
  });

  it('a bad time is named', async () => {
    const { code, err } = await replay('--s3', '--since', 'yesterday');
    expect(code).toBe(2);
    expect(err).toContain('--since is not a time: "yesterday"');
  });
});
