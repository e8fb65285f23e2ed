// The original-message viewer (lambda/handlers/viewer.ts) behind a Lambda Function URL: the signed
// link token is the authorisation, so the URL itself needs none. Its role reads only originals/ (where
// the bounce handler publishes what may be shown) and the link key: nothing else.
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ORIGINALS_PREFIX } from '../../lambda/contracts/bounce-variables.ts';
import { powertoolsEnvironment, SERVICE_NAMES } from '../../lambda/contracts/powertools.ts';
import { viewerEnvironment } from '../../lambda/contracts/viewer.ts';
import { HouseFunction } from './house-function.ts';
import { nagArn } from './nag-names.ts';
import { secretArn } from './secret-arn.ts';

export interface OriginalViewerProps {
  readonly bucket: s3.IBucket;
  /** @default ORIGINALS_PREFIX ('originals/') */
  readonly originalsPrefix?: string;
  /** The mail bucket's key, when it is encrypted with one. @default - none */
  readonly encryptionKey?: kms.IKey;
  /** The same secret the bounce handler signs links with. */
  readonly linkKeySecretName: string;
  readonly logRetention: logs.RetentionDays;
  /** Requests served at once at most: the URL is public, so anyone can call it. @default 10 */
  readonly reservedConcurrency?: number;
  /** @default METRICS_NAMESPACE ('BounceDoctor') */
  readonly metricsNamespace?: string;
}

export class OriginalViewer extends Construct {
  public readonly function: HouseFunction;
  public readonly functionUrl: lambda.FunctionUrl;

  constructor(scope: Construct, id: string, props: OriginalViewerProps) {
    super(scope, id);
    const originalsPrefix = props.originalsPrefix ?? ORIGINALS_PREFIX;
    this.function = new HouseFunction(this, 'Function', {
      entry: 'lambda/handlers/viewer.ts',
      description: 'bounce-doctor: shows the original message of a ticket behind a signed, expiring link',
      logRetention: props.logRetention,
      // mailparser reads a returned message of up to 40 MB for the preview; memory also buys CPU.
      memorySize: 1024,
      timeout: Duration.seconds(30),
      retryAttempts: 0,
      // A flood of requests (it needs no signature to reach the function) cannot take the account's pool.
      reservedConcurrentExecutions: props.reservedConcurrency ?? 10,
      environment: {
        ...viewerEnvironment({
          bucket: props.bucket.bucketName,
          originalsPrefix,
          linkKeySecretId: props.linkKeySecretName,
        }),
        ...powertoolsEnvironment(SERVICE_NAMES.viewer, props.metricsNamespace),
      },
    });
    // The token in the path is the authorisation (HMAC over message id and expiry, checked in constant
    // time); no CORS: the pages are opened by people, never fetched by other origins.
    this.functionUrl = this.function.addFunctionUrl({
      authType: lambda.FunctionUrlAuthType.NONE,
      invokeMode: lambda.InvokeMode.BUFFERED,
    });

    const role = this.function.executionRole;
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ReadPublishedOriginals',
        actions: ['s3:GetObject'],
        resources: [props.bucket.arnForObjects(`${originalsPrefix}*`)],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ReadLinkKey',
        actions: ['secretsmanager:GetSecretValue'],
        resources: [secretArn(Stack.of(this), props.linkKeySecretName)],
      }),
    );
    if (props.encryptionKey) {
      role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'DecryptWithTheMailKey',
          actions: ['kms:Decrypt'],
          resources: [props.encryptionKey.keyArn],
        }),
      );
    }
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagArn(props.bucket)}/${originalsPrefix}*]`,
      reason:
        'Read-only (s3:GetObject) and only under the originals prefix, where the bounce handler publishes ' +
        'what may be shown; the keys are SES message ids, unknown in advance. Raw mail (incoming/) and ' +
        'quarantined mail are out of reach.',
    });
  }
}
