// The SES receipt rule for the bounce addresses: spam and virus scanning on, TLS required (configurable),
// then 1. S3: the raw mail to incoming/, 2. Lambda (Event): the bounce handler. The bucket policy and the
// invoke permission are limited to this one rule (aws:SourceAccount + aws:SourceArn), and the rule is
// created after them because SES checks both when the rule is created (a test write to the bucket).
// With a KMS key, SES writes through a role of the stack's own (the S3 action's IamRoleArn) that may
// use the key: the stack cannot change an imported key's policy, but it can grant its own role.
import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { INCOMING_PREFIX } from '../../lambda/contracts/bounce-variables.ts';
import type { MailBucket } from './mail-bucket.ts';
import { nagArn } from './nag-names.ts';

export interface BounceReceiptRuleProps {
  readonly ruleSetName: string;
  readonly ruleName: string;
  /** Addresses or domains the rule matches. */
  readonly recipients: readonly string[];
  /** Refuse mail not sent over TLS. @default true */
  readonly tlsRequired?: boolean;
  /** The rule it follows in the set. @default - first in the set */
  readonly afterRule?: string;
  readonly mailBucket: MailBucket;
  /** @default INCOMING_PREFIX ('incoming/') */
  readonly incomingPrefix?: string;
  readonly handler: lambda.IFunction;
  /** The mail bucket's KMS key: SES then writes through a role that may use it. @default - SSE-S3 */
  readonly encryptionKey?: kms.IKey;
}

export class BounceReceiptRule extends Construct {
  public readonly rule: ses.CfnReceiptRule;
  /** arn:…:ses:<region>:<account>:receipt-rule-set/<set>:receipt-rule/<rule>, as SES names it in aws:SourceArn. */
  public readonly ruleArn: string;
  /** The role SES writes the raw mails with, when the bucket has a KMS key. */
  public readonly writeRole?: iam.Role;

  constructor(scope: Construct, id: string, props: BounceReceiptRuleProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.ruleArn = stack.formatArn({
      service: 'ses',
      resource: 'receipt-rule-set',
      resourceName: `${props.ruleSetName}:receipt-rule/${props.ruleName}`,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    const incomingPrefix = props.incomingPrefix ?? INCOMING_PREFIX;
    if (props.encryptionKey) {
      this.writeRole = this.sesWriteRole(props.mailBucket, incomingPrefix, props.encryptionKey);
    } else {
      props.mailBucket.allowSesWrites(this.ruleArn);
    }
    // SES may invoke the handler for this rule of this account only.
    props.handler.addPermission('AllowSesReceiptRule', {
      principal: new iam.ServicePrincipal('ses.amazonaws.com'),
      action: 'lambda:InvokeFunction',
      sourceAccount: stack.account,
      sourceArn: this.ruleArn,
    });
    const permission = props.handler.permissionsNode.findChild('AllowSesReceiptRule');

    this.rule = new ses.CfnReceiptRule(this, 'Rule', {
      ruleSetName: props.ruleSetName,
      ...(props.afterRule ? { after: props.afterRule } : {}),
      rule: {
        name: props.ruleName,
        enabled: true,
        recipients: [...props.recipients],
        scanEnabled: true,
        tlsPolicy: (props.tlsRequired ?? true) ? 'Require' : 'Optional',
        actions: [
          {
            s3Action: {
              bucketName: props.mailBucket.bucket.bucketName,
              objectKeyPrefix: incomingPrefix,
              ...(this.writeRole ? { iamRoleArn: this.writeRole.roleArn } : {}),
            },
          },
          { lambdaAction: { functionArn: props.handler.functionArn, invocationType: 'Event' } },
        ],
      },
    });
    const policy = props.mailBucket.bucket.policy;
    if (policy) this.rule.node.addDependency(policy);
    if (this.writeRole) this.rule.node.addDependency(this.writeRole);
    this.rule.node.addDependency(permission);
  }

  /**
   * SES assumes it for this rule of this account only, and may put objects under incoming/ and use the
   * key for them (GenerateDataKey and Encrypt to write; Decrypt, which S3 asks for in a multipart upload).
   */
  private sesWriteRole(mailBucket: MailBucket, incomingPrefix: string, key: kms.IKey): iam.Role {
    const stack = Stack.of(this);
    const role = new iam.Role(this, 'SesWriteRole', {
      description: 'SES receipt rule: stores the raw bounces in the mail bucket with its KMS key',
      assumedBy: new iam.ServicePrincipal('ses.amazonaws.com').withConditions({
        StringEquals: { 'aws:SourceAccount': stack.account, 'aws:SourceArn': this.ruleArn },
      }),
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'StoreRawMails',
        actions: ['s3:PutObject'],
        resources: [mailBucket.bucket.arnForObjects(`${incomingPrefix}*`)],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'EncryptWithTheMailKey',
        actions: ['kms:GenerateDataKey', 'kms:Encrypt', 'kms:Decrypt'],
        resources: [key.keyArn],
      }),
    );
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagArn(mailBucket.bucket)}/${incomingPrefix}*]`,
      reason:
        'SES writes each received mail as <prefix><SES message id>, unknown before the mail arrives; the role ' +
        'may only put objects under the raw-mail prefix, and only SES may assume it, for this one receipt rule.',
    });
    return role;
  }
}
