// The SES receipt rule for the bounce addresses: spam and virus scanning on, TLS required (configurable),
// then 1. S3: the raw mail to incoming/, 2. Lambda (Event): the bounce handler. The bucket policy and the
// invoke permission are limited to this one rule (aws:SourceAccount + aws:SourceArn), and the rule is
// created after them because SES checks both when the rule is created.
import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import type { MailBucket } from './mail-bucket.ts';

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
  /** @default 'incoming/' */
  readonly incomingPrefix?: string;
  readonly handler: lambda.IFunction;
}

export class BounceReceiptRule extends Construct {
  public readonly rule: ses.CfnReceiptRule;
  /** arn:…:ses:<region>:<account>:receipt-rule-set/<set>:receipt-rule/<rule>, as SES names it in aws:SourceArn. */
  public readonly ruleArn: string;

  constructor(scope: Construct, id: string, props: BounceReceiptRuleProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.ruleArn = stack.formatArn({
      service: 'ses',
      resource: 'receipt-rule-set',
      resourceName: `${props.ruleSetName}:receipt-rule/${props.ruleName}`,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    props.mailBucket.allowSesWrites(this.ruleArn);
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
              objectKeyPrefix: props.incomingPrefix ?? 'incoming/',
            },
          },
          { lambdaAction: { functionArn: props.handler.functionArn, invocationType: 'Event' } },
        ],
      },
    });
    const policy = props.mailBucket.bucket.policy;
    if (policy) this.rule.node.addDependency(policy);
    this.rule.node.addDependency(permission);
  }
}
