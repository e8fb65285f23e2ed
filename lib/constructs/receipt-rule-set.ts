// Which SES receipt rule set the bounce rule goes into. A named set is used as it is (the operator keeps
// it active). Otherwise a custom resource decides at deploy time: the active set when there is one,
// which the stack then never changes; or a set of the stack's own, created and activated, and on delete
// deactivated and deleted only when it is still empty. The decision is in
// lambda/adapters/receipt-rule-sets.ts.
import { CustomResource, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { HouseFunction } from './house-function.ts';
import { nagArn } from './nag-names.ts';

export interface ReceiptRuleSetProps {
  /** An existing rule set to add the rule to; no custom resource then. @default - decided at deploy time */
  readonly existingRuleSetName?: string;
  /** The name of the set the stack creates when no set is active. */
  readonly createdRuleSetName: string;
  readonly logRetention: logs.RetentionDays;
}

export class ReceiptRuleSet extends Construct {
  /** The set the rule goes into (a deploy-time value when decided by the custom resource). */
  public readonly ruleSetName: string;
  /** "true" when the stack created (and activated) the set, "false" when it joined one, "existing" when named. */
  public readonly createdByStack: string;
  /** The custom resource's handler, when the set is decided at deploy time. */
  public readonly handler?: HouseFunction;
  /** The custom resource that decides, when no set is named. */
  public readonly customResource?: CustomResource;

  constructor(scope: Construct, id: string, props: ReceiptRuleSetProps) {
    super(scope, id);
    if (props.existingRuleSetName) {
      this.ruleSetName = props.existingRuleSetName;
      this.createdByStack = 'existing';
      return;
    }
    this.handler = new HouseFunction(this, 'Handler', {
      entry: 'lambda/handlers/receipt-rule-set.ts',
      description: 'bounce-doctor: joins the active SES receipt rule set, or creates and activates one',
      logRetention: props.logRetention,
      timeout: Duration.minutes(1),
      retryAttempts: 0,
    });
    this.handler.executionRole.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ManageTheReceiptRuleSet',
        actions: [
          'ses:DescribeActiveReceiptRuleSet',
          'ses:DescribeReceiptRuleSet',
          'ses:CreateReceiptRuleSet',
          'ses:SetActiveReceiptRuleSet',
          'ses:DeleteReceiptRuleSet',
        ],
        resources: ['*'],
      }),
    );
    Validations.of(this.handler.executionRole).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'SES receipt rule set actions (DescribeActiveReceiptRuleSet, SetActiveReceiptRuleSet, Create/Describe/' +
        'DeleteReceiptRuleSet) support no resource-level permissions; the handler only deletes a set it created ' +
        'and that is empty (tested in test/cdk/receipt-rule-set.test.ts).',
    });

    // The framework's own function logs to a group of the stack's, with the same retention; without it
    // Lambda would create /aws/lambda/<name> that never expires and outlives the stack.
    const providerLogs = new logs.LogGroup(this, 'ProviderLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: this.handler,
      logGroup: providerLogs,
    });
    Validations.of(provider).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          'The role of the CDK custom resource provider framework, which CDK creates with the AWS managed ' +
          'AWSLambdaBasicExecutionRole (CloudWatch Logs writes only). It runs during deployments only and ' +
          'can do nothing else but invoke the rule-set handler.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::${nagArn(this.handler)}:*]`,
        reason:
          'The provider framework may invoke the rule-set handler function and its versions (<arn>:*, as CDK ' +
          'grants invoke); no other function.',
      },
    );
    this.customResource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::SesActiveReceiptRuleSet',
      properties: { CreatedRuleSetName: props.createdRuleSetName },
    });
    this.ruleSetName = this.customResource.getAttString('RuleSetName');
    this.createdByStack = this.customResource.getAttString('CreatedByStack');
  }
}
