// A bounce handler built as the Lambda builds it (bounceConfigFromEnv, bounceDependencies) on a test's
// bounce world, from the variables the test gives (the bucket and table are the world's).
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { BounceObserver } from '../../lambda/adapters/bounce-observer.ts';
import { SecretReader } from '../../lambda/adapters/secret-reader.ts';
import { bounceConfigFromEnv } from '../../lambda/contracts/bounce.ts';
import { type BounceHandler, createBounceHandler } from '../../lambda/handlers/bounce-handler.ts';
import { type BounceWiringOptions, bounceDependencies } from '../../lambda/wiring/bounce-dependencies.ts';
import { type BounceWorld, BUCKET, TABLE } from './bounce-world.ts';

/** An observer that records nothing, for handlers whose outcomes the test reads from their answers. */
export const QUIET_OBSERVER: BounceObserver = {
  handled: () => undefined,
  duplicate: () => undefined,
  ticketRetry: () => undefined,
  failed: () => undefined,
};

export function wiredHandler(
  world: BounceWorld,
  env: Record<string, string>,
  options: BounceWiringOptions = {},
  now?: () => Date,
): BounceHandler {
  const config = bounceConfigFromEnv({ BUCKET_NAME: BUCKET, IDEMPOTENCY_TABLE: TABLE, ...env });
  const secrets = new SecretReader(
    new SecretsManagerClient({
      endpoint: world.aws.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  const deps = bounceDependencies(
    config,
    { s3: world.s3Client, dynamodb: world.dynamo.client, secrets },
    { observer: QUIET_OBSERVER, ...options },
  );
  return createBounceHandler(now ? { ...deps, now } : deps);
}
