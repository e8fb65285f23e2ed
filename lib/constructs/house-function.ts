// The house defaults of every bounce-doctor Lambda function, set once: the newest Node.js runtime, arm64,
// a bundle made by the local esbuild (never Docker) with the AWS SDK inside (the versions the tests ran),
// source maps, a log group with a retention period (kept after a stack deletion), and a role of its own that holds only what the
// construct that uses the function grants it (no AWS managed policy).
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/** The repository root: handler entries are paths relative to it. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface HouseFunctionProps {
  /** The handler's entry file relative to the repository root, e.g. `lambda/handlers/bounce.ts` (export `handler`). */
  readonly entry: string;
  readonly description: string;
  /** How long its logs are kept. */
  readonly logRetention: logs.RetentionDays;
  /** @default 256 */
  readonly memorySize?: number;
  /** @default Duration.seconds(30) */
  readonly timeout?: Duration;
  /** @default - none */
  readonly environment?: Record<string, string>;
  /** @default - unreserved (the account's pool) */
  readonly reservedConcurrentExecutions?: number;
  /** Retries of an asynchronous invocation. @default 2 */
  readonly retryAttempts?: number;
  /** Age after which an asynchronous event is dropped (or sent on failure). @default Duration.hours(6) */
  readonly maxEventAge?: Duration;
  /** Where an asynchronous event goes when every attempt failed. @default - nowhere */
  readonly onFailure?: lambda.IDestination;
}

export class HouseFunction extends NodejsFunction {
  /** The function's own role: log writing plus what the using construct grants. */
  public readonly executionRole: iam.Role;
  public readonly logs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: HouseFunctionProps) {
    // The role and the log group are created beside the function, as the function needs them at creation.
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.entry}`,
    });
    // Kept when the stack is deleted (the viewer's log is the trail of who opened which mail); the
    // retention period still expires its events.
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    super(scope, id, {
      entry: `${PROJECT_ROOT}${props.entry}`,
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout ?? Duration.seconds(30),
      role,
      logGroup,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      ...(props.reservedConcurrentExecutions === undefined
        ? {}
        : { reservedConcurrentExecutions: props.reservedConcurrentExecutions }),
      retryAttempts: props.retryAttempts ?? 2,
      maxEventAge: props.maxEventAge ?? Duration.hours(6),
      ...(props.onFailure ? { onFailure: props.onFailure } : {}),
      bundling: {
        format: OutputFormat.CJS,
        target: 'node24',
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        bundleAwsSDK: true,
        forceDockerBundling: false,
      },
    });
    logGroup.grantWrite(role);
    this.executionRole = role;
    this.logs = logGroup;
  }
}
