// The probe Lambda's real handler code against local servers: smtp-server (its behaviour switched between
// runs), s3rver for the state object, and a node:http stand-in for Secrets Manager, SNS and SES.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProbeResult } from '../../lambda/core/probe/types.ts';
import { makeTestCertificates } from '../helpers/certificates.ts';
import { type AwsCall, type FakeAws, startFakeAws } from '../helpers/fake-aws.ts';
import { PASSWORD, type Running, smtpError, startSmtp, USER } from '../helpers/smtp-servers.ts';

const BUCKET = 'probe-state';
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:smtp-probe';

/** What the SMTP server does on the next run. */
const server = { greeting: 'ok' as 'ok' | '421', auth: 'ok' as 'ok' | '535', sender: 'ok' as 'ok' | '553' };
/** Messages the SMTP server received: the sender check must never send one. */
let messages = 0;

let smtp: Running;
let s3: S3rver;
let aws: FakeAws;
let handler: () => Promise<ProbeResult>;
const output: string[] = [];

beforeAll(async () => {
  const certs = await makeTestCertificates();
  smtp = await startSmtp({
    ...certs.valid,
    onConnect: (_session, callback) =>
      callback(server.greeting === '421' ? smtpError(421, '4.3.2 Too many connections, try later') : null),
    onAuth: (auth, _session, callback) =>
      server.auth === '535' || auth.password !== PASSWORD
        ? callback(smtpError(535, '5.7.8 Username and Password not accepted'))
        : callback(null, { user: USER }),
    // Postfix's reject_sender_login_mismatch answers at RCPT TO (smtpd_delay_reject).
    onRcptTo: (_address, session, callback) =>
      server.sender === '553'
        ? callback(
            smtpError(
              553,
              `5.7.1 <${session.envelope.mailFrom ? session.envelope.mailFrom.address : ''}>: Sender address rejected: not owned by user ${USER}`,
            ),
          )
        : callback(),
    onData: (stream, _session, callback) => {
      messages++;
      stream.resume();
      stream.on('end', () => callback());
    },
  });
  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    resetOnClose: true,
    directory: mkdtempSync(join(tmpdir(), 'bd-s3rver-')),
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const { port: s3Port } = await s3.run();
  aws = await startFakeAws();
  aws.secrets.set('smtp-probe/password', JSON.stringify({ password: PASSWORD }));

  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${s3Port}`,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.endpoint,
    AWS_ENDPOINT_URL_SNS: aws.endpoint,
    AWS_ENDPOINT_URL_SES: aws.endpoint,
    SMTP_HOST: 'localhost',
    SMTP_PORT: String(smtp.port),
    SMTP_SECURITY: 'starttls',
    SMTP_USER: USER,
    SMTP_PASSWORD_SECRET_ID: 'smtp-probe/password',
    PROBE_CA_PEM: certs.ca,
    PROBE_TIMEOUT_MS: '3000',
    PROBE_TRANSIENT_ALERT_AFTER: '2',
    ALERT_TOPIC_ARN: TOPIC,
    ALERT_SES_FROM: 'probe@example.com',
    ALERT_SES_TO: 'ops@example.com, oncall@example.com',
    PROBE_STATE_BUCKET: BUCKET,
  });
  // Logs and metrics go to stdout as JSON lines; keep them to look for the password.
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    output.push(String(chunk));
    return true;
  });
  ({ handler } = await import('../../lambda/handlers/probe.ts'));
});

afterAll(async () => {
  vi.restoreAllMocks();
  await Promise.all([smtp?.close(), s3?.close(), aws?.close()]);
});

/** Runs the handler once with the SMTP server behaving as given; returns the alerts it sent. */
async function runWith(behaviour: Partial<typeof server>): Promise<{ result: ProbeResult; sent: AwsCall[] }> {
  Object.assign(server, { greeting: 'ok', auth: 'ok', sender: 'ok' }, behaviour);
  const before = aws.calls.length;
  const result = await handler();
  const sent = aws.calls.slice(before).filter((call) => call.action !== 'secretsmanager.GetSecretValue');
  return { result, sent };
}

const kinds = (sent: readonly AwsCall[]) => sent.map((call) => call.action).sort();

describe('the probe handler', () => {
  it('alerts on state changes only, after N transient failures, and sends an all-clear on recovery', async () => {
    const runs = [
      await runWith({}),
      await runWith({ auth: '535' }),
      await runWith({ auth: '535' }),
      await runWith({}),
      await runWith({ greeting: '421' }),
      await runWith({ greeting: '421' }),
      await runWith({ greeting: '421' }),
      await runWith({}),
    ];
    expect(runs.map((run) => run.result.outcome)).toEqual([
      'ok',
      'auth-failed',
      'auth-failed',
      'ok',
      'greeting-rejected',
      'greeting-rejected',
      'greeting-rejected',
      'ok',
    ]);
    expect(runs.map((run) => run.sent.length)).toEqual([0, 2, 0, 2, 0, 2, 0, 2]);
    for (const run of runs.filter((r) => r.sent.length > 0)) {
      expect(kinds(run.sent)).toEqual(['SES.SendEmail', 'SNS.Publish']);
    }

    const [publish, mail] = [
      runs[1]?.sent.find((c) => c.action === 'SNS.Publish'),
      runs[1]?.sent.find((c) => c.action === 'SES.SendEmail'),
    ];
    expect(publish?.params).toMatchObject({
      TopicArn: TOPIC,
      Subject: `[FAILURE] SMTP probe: localhost:${smtp.port} auth-failed (bad-credentials)`,
    });
    expect(publish?.params.Message).toContain('535 5.7.8 Username and Password not accepted');
    expect(mail?.params).toMatchObject({
      Source: 'probe@example.com',
      'Destination.ToAddresses.member.1': 'ops@example.com',
      'Destination.ToAddresses.member.2': 'oncall@example.com',
    });
    expect(mail?.params['Message.Body.Text.Data']).toContain('パスワード');
    expect(mail?.params['Message.Body.Text.Data']).toContain('what to do:');
    const allClear = runs[3]?.sent.find((c) => c.action === 'SNS.Publish');
    expect(allClear?.params.Subject).toBe(`[RECOVERED] SMTP probe: localhost:${smtp.port} ok`);
    expect(runs[5]?.sent.find((c) => c.action === 'SNS.Publish')?.params.Subject).toContain('[TRANSIENT]');
  });

  it('keeps the state in S3, reads the secret once per container, and never logs the password', async () => {
    const state = await fetch(
      `${process.env.AWS_ENDPOINT_URL_S3}/${BUCKET}/probe-state/localhost-${smtp.port}.json`,
    );
    expect(await state.json()).toMatchObject({ version: 1, lastOutcome: 'ok', failureRuns: 0 });
    expect(aws.calls.filter((call) => call.action === 'secretsmanager.GetSecretValue')).toHaveLength(1);

    const lines = output
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'));
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.some((entry) => entry.message === 'smtp probe finished')).toBe(true);
    const emf = logged.find((entry) => '_aws' in entry);
    expect(emf).toMatchObject({
      host: 'localhost',
      ProbeSuccess: expect.any(Number),
      LatencyAuth: expect.any(Number),
    });
    expect(output.join('')).not.toContain(PASSWORD);
  });

  it('with PROBE_MAIL_FROM, checks the sender after the login and alerts when the user may not send as it', async () => {
    process.env.PROBE_MAIL_FROM = 'support@example.com';
    try {
      const refused = await runWith({ sender: '553' });
      expect(refused.result).toMatchObject({
        outcome: 'sender-refused',
        variant: 'not-owned',
        severity: 'failure',
        replyCode: 553,
        failedCommand: 'RCPT TO',
        envelope: { from: 'support@example.com', to: 'support@example.com' },
      });
      const publish = refused.sent.find((call) => call.action === 'SNS.Publish');
      expect(publish?.params.Subject).toBe(
        `[FAILURE] SMTP probe: localhost:${smtp.port} sender-refused (not-owned)`,
      );
      expect(publish?.params.Message).toContain('may not send as support@example.com');

      const accepted = await runWith({});
      expect(accepted.result).toMatchObject({ outcome: 'ok', envelope: { from: 'support@example.com' } });
      expect(accepted.result.timings).toMatchObject({ mail: expect.any(Number), rcpt: expect.any(Number) });
      expect(kinds(accepted.sent)).toEqual(['SES.SendEmail', 'SNS.Publish']);
      expect(messages).toBe(0);
    } finally {
      delete process.env.PROBE_MAIL_FROM;
    }
  });
});
