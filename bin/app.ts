// The CDK app (cdk.json: "app": "npx tsx bin/app.ts"). The configuration is cdk.json's context and any
// `-c key=value`; a wrong value stops here with a message that names its key.
import { App } from 'aws-cdk-lib';
import { buildBounceDoctorApp } from '../lib/bounce-doctor-app.ts';
import { ConfigError } from '../lib/config/bounce-doctor-config.ts';

const app = new App();
try {
  buildBounceDoctorApp(app, {
    ...(process.env.CDK_DEFAULT_REGION ? { region: process.env.CDK_DEFAULT_REGION } : {}),
    ...(process.env.CDK_DEFAULT_ACCOUNT ? { account: process.env.CDK_DEFAULT_ACCOUNT } : {}),
  });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`bounce-doctor: ${error.message}`);
  process.exit(1);
}
app.synth();
