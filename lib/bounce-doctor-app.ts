// Builds the bounce-doctor app: reads and checks the configuration from the app's context, creates the
// stack in the configured region, and has cdk-nag's AWS Solutions checks validate it at synth (cdk-nag 3:
// a policy validation plugin; any finding that is not acknowledged with a reason fails the synth).
import { Annotations, type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { BounceDoctorStack } from './bounce-doctor-stack.ts';
import { type EnvironmentDefaults, readBounceDoctorConfig } from './config/bounce-doctor-config.ts';

export function buildBounceDoctorApp(app: App, defaults: EnvironmentDefaults = {}): BounceDoctorStack {
  const config = readBounceDoctorConfig((key) => app.node.tryGetContext(key), defaults);
  const stack = new BounceDoctorStack(app, config.stackName, {
    config,
    env: { region: config.region, ...(config.account ? { account: config.account } : {}) },
    description: 'bounce-doctor: SES bounces diagnosed into tickets, and an SMTP login probe',
  });
  for (const warning of config.warnings) Annotations.of(stack).addWarningV2('bounce-doctor:config', warning);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stack;
}
