// The IAM resources of the SES identities that authorize sending as an address: SES checks a send
// against the verified identity, the address itself or its domain.
import { ArnFormat, type Stack } from 'aws-cdk-lib';

export function sesIdentityArns(stack: Stack, from: string): string[] {
  const domain = from.slice(from.lastIndexOf('@') + 1);
  return [from, domain].map((resourceName) =>
    stack.formatArn({
      service: 'ses',
      resource: 'identity',
      resourceName,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    }),
  );
}
