// The IAM resource of a Secrets Manager secret known by name: Secrets Manager appends "-" and six
// characters to the name, so the ARN ends in "-??????" (exactly six, unlike a "*").
import { ArnFormat, type Stack } from 'aws-cdk-lib';

export function secretArn(stack: Stack, secretName: string): string {
  return stack.formatArn({
    service: 'secretsmanager',
    resource: 'secret',
    resourceName: `${secretName}-??????`,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}
