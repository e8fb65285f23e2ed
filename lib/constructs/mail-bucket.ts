// The bucket of the raw mails (incoming/, written by SES), the returned originals (originals/, written by
// the bounce handler) and the probe's state: private, TLS only, encrypted, expiring the mails after the
// configured days, with server access logs (who read which mail) in a bucket of their own.
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface MailBucketProps {
  /** Where SES stores the raw mails. */
  readonly incomingPrefix: string;
  /** Where the bounce handler stores the returned originals. */
  readonly originalsPrefix: string;
  /** Days the raw mails and the originals are kept. */
  readonly mailRetentionDays: number;
  /** Days the access logs are kept. @default 365 */
  readonly accessLogRetentionDays?: number;
  /** Default encryption key of the mail bucket. @default - S3-managed keys (SSE-S3) */
  readonly encryptionKey?: kms.IKey;
}

export class MailBucket extends Construct {
  public readonly bucket: s3.Bucket;
  public readonly accessLogs: s3.Bucket;
  private readonly incomingPrefix: string;

  constructor(scope: Construct, id: string, props: MailBucketProps) {
    super(scope, id);
    this.incomingPrefix = props.incomingPrefix;
    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // S3 server access logs can only be delivered to a bucket with SSE-S3 default encryption.
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [
        { id: 'expire-access-logs', expiration: Duration.days(props.accessLogRetentionDays ?? 365) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      ...(props.encryptionKey
        ? { encryption: s3.BucketEncryption.KMS, encryptionKey: props.encryptionKey, bucketKeyEnabled: true }
        : { encryption: s3.BucketEncryption.S3_MANAGED }),
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'mail-bucket/',
      lifecycleRules: [
        {
          id: 'expire-raw-mails',
          prefix: props.incomingPrefix,
          expiration: Duration.days(props.mailRetentionDays),
        },
        {
          id: 'expire-originals',
          prefix: props.originalsPrefix,
          expiration: Duration.days(props.mailRetentionDays),
        },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      // The mails outlive the stack: `cdk destroy` leaves the bucket (docs/deploy.md, "Removing it").
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // A bucket policy is a resource of its own: kept with its bucket, so a retained bucket keeps
    // refusing plain HTTP and the log bucket keeps accepting S3's log delivery.
    for (const bucket of [this.bucket, this.accessLogs])
      bucket.policy?.applyRemovalPolicy(RemovalPolicy.RETAIN);
  }

  /**
   * Lets SES store mails under the incoming prefix, and nowhere else, for one receipt rule of this account.
   * Returns what the rule must be created after (SES checks the permission when the rule is created).
   */
  allowSesWrites(receiptRuleArn: string): iam.PolicyStatement {
    const statement = new iam.PolicyStatement({
      sid: 'AllowSesReceiptRuleToStoreRawMails',
      principals: [new iam.ServicePrincipal('ses.amazonaws.com')],
      actions: ['s3:PutObject'],
      resources: [this.bucket.arnForObjects(`${this.incomingPrefix}*`)],
      conditions: {
        StringEquals: { 'aws:SourceAccount': Stack.of(this).account, 'aws:SourceArn': receiptRuleArn },
      },
    });
    this.bucket.addToResourcePolicy(statement);
    return statement;
  }
}
