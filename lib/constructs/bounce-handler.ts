// The bounce handler (lambda/handlers/bounce.ts, the receipt rule's Lambda action): its function, its
// idempotency table, its on-failure queue, and a role that can read incoming/, write originals/, use the
// table, read its secrets and, for the `mail` ticket system, send raw mail as the ticket sender to the
// helpdesk only — nothing else: it cannot write incoming/ and cannot delete any object.
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  type BounceSettings,
  bounceEnvironment,
  type TicketApiConfig,
} from '../../lambda/contracts/bounce.ts';
import { INCOMING_PREFIX, ORIGINALS_PREFIX } from '../../lambda/contracts/bounce-variables.ts';
import { powertoolsEnvironment, SERVICE_NAMES } from '../../lambda/contracts/powertools.ts';
import { HouseFunction } from './house-function.ts';
import { nagArn } from './nag-names.ts';
import { secretArn } from './secret-arn.ts';
import { sesIdentityArns } from './ses-identity-arns.ts';

/**
 * The settings (ticket system, ticket kinds, links, trust: the contract's shape, which the handler reads
 * back from its environment) and where the stack puts things.
 */
export interface BounceHandlerProps extends BounceSettings {
  readonly bucket: s3.IBucket;
  /** @default INCOMING_PREFIX ('incoming/') */
  readonly incomingPrefix?: string;
  /** @default ORIGINALS_PREFIX ('originals/') */
  readonly originalsPrefix?: string;
  /** The mail bucket's key, when it is encrypted with one (also the secrets' key, if they use it). @default - none */
  readonly encryptionKey?: kms.IKey;
  /** Base URL of the original-message viewer: the ticket links point there. */
  readonly viewerBaseUrl: string;
  /** @default 1024 */
  readonly memoryMb?: number;
  /** Concurrent runs at most: the ticket API sees no more parallel requests than this. @default 5 */
  readonly reservedConcurrency?: number;
  readonly logRetention: logs.RetentionDays;
  /** @default METRICS_NAMESPACE ('BounceDoctor') */
  readonly metricsNamespace?: string;
}

export class BounceHandler extends Construct {
  public readonly function: HouseFunction;
  public readonly idempotencyTable: dynamodb.Table;
  public readonly failureQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: BounceHandlerProps) {
    super(scope, id);
    const incomingPrefix = props.incomingPrefix ?? INCOMING_PREFIX;
    const originalsPrefix = props.originalsPrefix ?? ORIGINALS_PREFIX;

    this.idempotencyTable = new dynamodb.Table(this, 'IdempotencyTable', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      timeToLiveAttribute: 'expiration',
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // Records live 7 days; a lost table can at worst repeat a ticket, which Idempotency-Key also guards.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.failureQueue = new sqs.Queue(this, 'FailureQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.failureQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter store: the Lambda on-failure destination of the bounce handler. ' +
        'An alarm fires on its first message, records are kept 14 days and drained by `bounce-doctor replay ' +
        '--queue`, which deletes a record only once its bounce is handled; a DLQ behind it would add nothing.',
    });

    const { ticketApi } = props;
    // Every attempt may take the whole time-out, plus up to ~4 s of backoff and a 30 s Retry-After, plus
    // reading and decoding a 40 MB mail: 90 s with the defaults (4 × 10 s).
    const timeoutSeconds = Math.min(
      900,
      Math.max(90, Math.ceil((ticketApi.maxAttempts * ticketApi.timeoutMs) / 1000) + 50),
    );
    this.function = new HouseFunction(this, 'Function', {
      entry: 'lambda/handlers/bounce.ts',
      description: 'bounce-doctor: diagnoses a bounce received by SES and posts one ticket',
      logRetention: props.logRetention,
      // A 40 MB mail is held as bytes, split into parts and decoded; memory also buys CPU.
      memorySize: props.memoryMb ?? 1024,
      timeout: Duration.seconds(timeoutSeconds),
      reservedConcurrentExecutions: props.reservedConcurrency ?? 5,
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(this.failureQueue),
      environment: {
        ...bounceEnvironment({
          bucket: props.bucket.bucketName,
          incomingPrefix,
          originalsPrefix,
          idempotencyTable: this.idempotencyTable.tableName,
          ticketApi,
          ticketKinds: props.ticketKinds,
          links: { ...props.links, viewerBaseUrl: props.viewerBaseUrl },
          trust: props.trust,
        }),
        ...powertoolsEnvironment(SERVICE_NAMES.bounce, props.metricsNamespace),
      },
    });

    const role = this.function.executionRole;
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ReadRawMails',
        actions: ['s3:GetObject'],
        resources: [props.bucket.arnForObjects(`${incomingPrefix}*`)],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'StoreReturnedOriginals',
        actions: ['s3:PutObject'],
        resources: [props.bucket.arnForObjects(`${originalsPrefix}*`)],
      }),
    );
    // S3 answers a missing key with NoSuchKey only to a caller that may list it (S3 checks s3:ListBucket
    // with s3:prefix set to the key); otherwise AccessDenied. Listing is limited to the raw mails.
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'TellMissingRawMails',
        actions: ['s3:ListBucket'],
        resources: [props.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${incomingPrefix}*`] } },
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'IdempotencyRecords',
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
        resources: [this.idempotencyTable.tableArn],
      }),
    );
    const stack = Stack.of(this);
    // What the ticket system's delivery needs (contracts/ticket-systems.ts): its token, or sending mail.
    const tokenSecrets = ticketApi.kind !== 'mail' ? [secretArn(stack, ticketApi.tokenSecretId)] : [];
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: tokenSecrets.length > 0 ? 'ReadTicketTokenAndLinkKey' : 'ReadLinkKey',
        actions: ['secretsmanager:GetSecretValue'],
        resources: [...tokenSecrets, secretArn(stack, props.links.keySecretId)],
      }),
    );
    if (ticketApi.kind === 'mail') role.addToPolicy(sendTicketMail(stack, ticketApi));
    if (props.trust.verpKeySecretId) {
      role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'ReadVerpKey',
          actions: ['secretsmanager:GetSecretValue'],
          resources: [secretArn(stack, props.trust.verpKeySecretId)],
        }),
      );
    }
    const bucketArn = nagArn(props.bucket);
    Validations.of(role).acknowledge(
      {
        id: `AwsSolutions-IAM5[Resource::${bucketArn}/${incomingPrefix}*]`,
        reason:
          'Read-only (s3:GetObject) and only under the raw-mail prefix: the keys are SES message ids, ' +
          'unknown until a mail arrives. The role cannot write or delete there.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::${bucketArn}/${originalsPrefix}*]`,
        reason:
          'Write (s3:PutObject) only under the originals prefix, one object per bounce named by its SES ' +
          'message id, unknown in advance. No delete, no other prefix.',
      },
    );
    if (props.encryptionKey) {
      role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'UseTheMailKey',
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          resources: [props.encryptionKey.keyArn],
        }),
      );
    }
  }
}

/**
 * SendRawEmail as the ticket sender to the helpdesk only. SES authorizes a send against the verified
 * identity, the address or its domain; the conditions bind the envelope the handler names.
 */
function sendTicketMail(
  stack: Stack,
  ticketApi: Extract<TicketApiConfig, { kind: 'mail' }>,
): iam.PolicyStatement {
  const { from, to } = ticketApi.mail;
  return new iam.PolicyStatement({
    sid: 'SendTicketMailAsTheSender',
    actions: ['ses:SendRawEmail'],
    resources: sesIdentityArns(stack, from),
    conditions: {
      StringEquals: { 'ses:FromAddress': from },
      'ForAllValues:StringEquals': { 'ses:Recipients': [to] },
    },
  });
}
