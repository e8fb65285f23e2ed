// How cdk-nag names a resource in a finding id, e.g. AwsSolutions-IAM5[Resource::<MailBucketC2C0137B.Arn>/incoming/*]:
// the logical id of the CloudFormation resource behind a construct, so acknowledgements survive renames.
import { type CfnResource, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export function nagArn(construct: IConstruct): string {
  const resource = construct.node.defaultChild as CfnResource;
  const stack = Stack.of(construct);
  return `<${stack.resolve(stack.getLogicalId(resource)) as string}.Arn>`;
}
