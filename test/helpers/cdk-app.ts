// Builds the bounce-doctor app as bin/app.ts does, from cdk.json's example context plus overrides (the
// same keys `-c` takes), with bundling skipped unless asked for: assertions need the template, not the code.
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildBounceDoctorApp } from '../../lib/bounce-doctor-app.ts';
import type { BounceDoctorStack } from '../../lib/bounce-doctor-stack.ts';
import { ConfigError } from '../../lib/config/bounce-doctor-config.ts';
import { exampleContext } from './cdk-context.ts';

export interface BuiltApp {
  app: App;
  stack: BounceDoctorStack;
  template: Template;
}

export function buildExampleApp(
  overrides: Record<string, unknown> = {},
  options: { bundle?: boolean; outdir?: string } = {},
): BuiltApp {
  const app = new App({
    context: {
      ...exampleContext(),
      ...overrides,
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
    },
    ...(options.outdir ? { outdir: options.outdir } : {}),
  });
  const stack = buildBounceDoctorApp(app);
  let template: Template | undefined;
  return {
    app,
    stack,
    // Synthesized on first use: a test of `app.synth()` must be the first synthesis of its app.
    get template() {
      template ??= Template.fromStack(stack);
      return template;
    },
  };
}

/** An IAM policy statement as the synthesized template holds it. */
export interface PolicyStatement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/** The ConfigError that building the example app with `overrides` throws; fails when it builds. */
export function configErrorOf(overrides: Record<string, unknown>): ConfigError {
  try {
    buildExampleApp(overrides);
  } catch (thrown) {
    if (thrown instanceof ConfigError) return thrown;
    throw thrown;
  }
  throw new Error(`the app built with ${JSON.stringify(overrides)}: a ConfigError was expected`);
}
