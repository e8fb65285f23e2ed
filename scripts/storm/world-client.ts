// The storm's world process (world.ts) seen from the handler's side: start it, SDK clients pointed at
// it, and the bounce handler wired to it as the Lambda wires itself (bounceDependencies).
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { BounceObserver } from '../../lambda/adapters/bounce-observer.ts';
import { SecretReader } from '../../lambda/adapters/secret-reader.ts';
import { bounceConfigFromEnv } from '../../lambda/contracts/bounce.ts';
import { type BounceHandler, createBounceHandler } from '../../lambda/handlers/bounce-handler.ts';
import { type BounceClients, bounceDependencies } from '../../lambda/wiring/bounce-dependencies.ts';
import type { FaultyApiOptions, FaultyApiStats } from './faulty-ticket-api.ts';
import { WORLD_BUCKET, WORLD_SECRETS, WORLD_TABLE, type WorldEndpoints } from './world-settings.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const LOCAL = { region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } };

export type WorldClients = BounceClients & { s3: S3Client; dynamodb: DynamoDBClient };

export function localClients(endpoints: WorldEndpoints): WorldClients {
  return {
    s3: new S3Client({
      ...LOCAL,
      endpoint: endpoints.s3,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
    }),
    dynamodb: new DynamoDBClient({ ...LOCAL, endpoint: endpoints.dynamodb }),
    secrets: new SecretReader(new SecretsManagerClient({ ...LOCAL, endpoint: endpoints.secretsManager })),
  };
}

export function worldHandler(
  endpoints: WorldEndpoints,
  clients: WorldClients,
  options: { ticketTimeoutMs: number; observer?: BounceObserver },
): BounceHandler {
  const config = bounceConfigFromEnv({
    BUCKET_NAME: WORLD_BUCKET,
    IDEMPOTENCY_TABLE: WORLD_TABLE,
    TICKET_API_URL: endpoints.ticketApi,
    TICKET_TOKEN_SECRET_ID: WORLD_SECRETS.token,
    LINK_KEY_SECRET_ID: WORLD_SECRETS.linkKey,
    VIEWER_BASE_URL: 'https://viewer.bounce-doctor.example',
    TICKET_TIMEOUT_MS: String(options.ticketTimeoutMs),
    // The storm measures delivery under faults, not the hourly budget: every bounce must get its ticket.
    TICKET_BUDGET_PER_HOUR: '1000000',
  });
  const wiring = options.observer ? { observer: options.observer } : {};
  return createBounceHandler(bounceDependencies(config, clients, wiring));
}

export interface World {
  endpoints: WorldEndpoints;
  stats(): Promise<FaultyApiStats>;
  stop(): Promise<void>;
}

export async function startWorld(options: FaultyApiOptions): Promise<World> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'world.ts'), JSON.stringify(options)],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const [first] = (await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(() => {
      throw new Error('the storm world process ended before it started');
    }),
  ])) as [string];
  const endpoints = JSON.parse(first) as WorldEndpoints;
  return {
    endpoints,
    stats: async () => (await (await fetch(`${endpoints.control}/stats`)).json()) as FaultyApiStats,
    stop: async () => {
      const exited = once(child, 'exit');
      child.stdin?.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
