// The viewer Lambda behind a Function URL (auth NONE: the link's signed token is the authorisation;
// payload v2): previews and downloads of the mails a ticket links to. Environment: see docs/viewer.md, "The
// original-message viewer". The configuration is checked once, at cold start, naming a wrong variable.
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { S3StoredMailReader } from '../adapters/mail-store/s3-stored-mail-reader.ts';
import { SecretReader } from '../adapters/secret-reader.ts';
import { powertoolsViewerObserver } from '../adapters/viewer-observer.ts';
import { viewerConfigFromEnv } from '../contracts/viewer.ts';
import { parseLinkKeys } from '../core/links/link-keys.ts';
import { createViewerFlow } from '../wiring/viewer-flow.ts';

const config = viewerConfigFromEnv(process.env);
const secrets = new SecretReader(new SecretsManagerClient({}));

const viewer = createViewerFlow({
  mails: new S3StoredMailReader(new S3Client({}), {
    bucket: config.bucket,
    originalsPrefix: config.originalsPrefix,
  }),
  linkKeys: async (options) => parseLinkKeys(await secrets.text(config.linkKeySecretId, options)),
  observer: powertoolsViewerObserver,
});

export const handler = (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> =>
  viewer(event);
