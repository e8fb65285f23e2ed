// The bounce flow's world in integration tests: s3rver with the mail bucket, dynalite with the
// idempotency table, the Secrets Manager / SES stand-in and a ticket API on loopback, started and
// closed together, and a mail dropped where SES's S3 action puts it. Tests that need more servers
// start them beside it. Nothing here loads the Lambda's code: a test that imports the handler after
// setting its environment gets the logger that environment names (wired-handler.ts builds one here).
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { vi } from 'vitest';
import { type FakeAws, startFakeAws } from './fake-aws.ts';
import { type LocalDynamo, type LocalS3, localAwsEnv, startDynamo, startS3 } from './local-aws.ts';
import { startTicketApi, type TicketApi } from './ticket-api.ts';

export const BUCKET = 'bounce-mail';
export const TABLE = 'bounce-idempotency';

export interface BounceWorld {
  s3: LocalS3;
  dynamo: LocalDynamo;
  aws: FakeAws;
  /** A generic ticket API (scripted faults: see ticket-api.ts). */
  api: TicketApi;
  s3Client: S3Client;
  /** The SDK environment that points a handler's own clients at these servers. */
  awsEnv: Record<string, string>;
  /** Stores a mail under incoming/, as SES's S3 action does before it invokes the handler. */
  putIncoming(id: string, body: Uint8Array | string): Promise<void>;
  close(): Promise<void>;
}

export async function startBounceWorld(): Promise<BounceWorld> {
  const [s3, dynamo, aws, api] = await Promise.all([
    startS3([BUCKET]),
    startDynamo(TABLE),
    startFakeAws(),
    startTicketApi(),
  ]);
  const s3Client = new S3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  return {
    s3,
    dynamo,
    aws,
    api,
    s3Client,
    awsEnv: {
      ...localAwsEnv({ s3: s3.endpoint, dynamodb: dynamo.endpoint, secretsManager: aws.endpoint }),
      AWS_ENDPOINT_URL_SES: aws.endpoint,
    },
    putIncoming: async (id, body) => {
      await s3Client.send(new PutObjectCommand({ Bucket: BUCKET, Key: `incoming/${id}`, Body: body }));
    },
    close: async () => {
      s3Client.destroy();
      await Promise.all([s3.close(), dynamo.close(), aws.close(), api.close()]);
    },
  };
}

/**
 * Keeps what the handler writes to stdout and stderr (its JSON log lines and metrics) for the test to
 * read, instead of printing it; `vi.restoreAllMocks()` gives the streams back.
 */
export function captureOutput(): string[] {
  const output: string[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output.push(String(chunk));
      return true;
    });
  }
  return output;
}
