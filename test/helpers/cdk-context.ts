// cdk.json's example configuration (its context), as the CDK CLI hands it to the app.
import { readFileSync } from 'node:fs';

const CDK_JSON = new URL('../../cdk.json', import.meta.url);

export function exampleContext(): Record<string, unknown> {
  return (JSON.parse(readFileSync(CDK_JSON, 'utf8')) as { context: Record<string, unknown> }).context;
}
