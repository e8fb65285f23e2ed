// The bounce Lambda (SES receipt rule, Lambda action, Event invocation): read the stored raw mail,
// diagnose it, store the returned original, post one ticket. Environment: see docs/bounce-handler.md.
// The configuration is checked once, at cold start; a wrong one fails every invocation by name.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SecretReader } from '../adapters/secret-reader.ts';
import { bounceConfigFromEnv } from '../contracts/bounce.ts';
import { bounceDependencies } from '../wiring/bounce-dependencies.ts';
import { createBounceHandler } from './bounce-handler.ts';

const config = bounceConfigFromEnv(process.env);

export const handler = createBounceHandler(
  bounceDependencies(config, {
    s3: new S3Client({}),
    dynamodb: new DynamoDBClient({}),
    secrets: new SecretReader(new SecretsManagerClient({})),
  }),
);
