// The secret reader (Powertools Parameters) against a Secrets Manager stand-in on loopback: values are
// cached for a while, not forever; a refused value is dropped; fresh reads are rationed.
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretReader } from '../../lambda/adapters/secret-reader.ts';
import { type FakeAws, startFakeAws } from '../helpers/fake-aws.ts';

let aws: FakeAws;
let client: SecretsManagerClient;

beforeAll(async () => {
  aws = await startFakeAws();
  client = new SecretsManagerClient({
    endpoint: aws.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});
afterAll(async () => {
  client.destroy();
  await aws.close();
});

const reads = (id: string) =>
  aws.calls.filter((c) => c.action === 'secretsmanager.GetSecretValue' && c.params.SecretId === id).length;

describe('the secret reader', () => {
  it('keeps a value for its maximum age, then reads the rotated one', async () => {
    aws.secrets.set('ttl', JSON.stringify({ token: 'one' }));
    const reader = new SecretReader(client, { maxAgeSeconds: 1 });
    expect(await reader.read('ttl', 'token')).toBe('one');
    aws.secrets.set('ttl', JSON.stringify({ token: 'two' }));
    expect(await reader.read('ttl', 'token')).toBe('one');
    expect(reads('ttl')).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await reader.read('ttl', 'token')).toBe('two');
    expect(reads('ttl')).toBe(2);
  });

  it('a forgotten value is read again at once', async () => {
    aws.secrets.set('forget', 'old');
    const reader = new SecretReader(client);
    expect(await reader.text('forget')).toBe('old');
    aws.secrets.set('forget', 'new');
    reader.forget('forget');
    expect(await reader.text('forget')).toBe('new');
    expect(await reader.text('forget')).toBe('new');
    expect(reads('forget')).toBe(2);
  });

  it('fresh reads: at most one per interval, whatever is asked', async () => {
    let now = 0;
    aws.secrets.set('fresh', 'v1');
    const reader = new SecretReader(client, { minFreshIntervalSeconds: 60, now: () => now });
    await reader.text('fresh');
    aws.secrets.set('fresh', 'v2');
    expect(await reader.text('fresh', { fresh: true })).toBe('v2');
    aws.secrets.set('fresh', 'v3');
    expect(await reader.text('fresh', { fresh: true })).toBe('v2');
    now += 61_000;
    expect(await reader.text('fresh', { fresh: true })).toBe('v3');
    expect(reads('fresh')).toBe(3);
  });

  it('a failed read is not kept: the next one asks again', async () => {
    const reader = new SecretReader(client);
    await expect(reader.text('later')).rejects.toThrow(/no such secret/);
    aws.secrets.set('later', 'now here');
    expect(await reader.text('later')).toBe('now here');
  });
});
