// The SMTP probe (lambda/handlers/probe.ts) on an EventBridge schedule: its function, its state object in
// the mail bucket, and a role that reads the password secret, reads and writes the one state object,
// publishes to the alert topic and sends mail through SES only as the configured sender.
import { Duration, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { powertoolsEnvironment, SERVICE_NAMES } from '../../lambda/contracts/powertools.ts';
import { probeEnvironment, probeStateKey } from '../../lambda/contracts/probe.ts';
import type { ProbeDeployConfig } from '../config/probe-config.ts';
import { HouseFunction } from './house-function.ts';
import { secretArn } from './secret-arn.ts';
import { sesIdentityArns } from './ses-identity-arns.ts';

export interface SmtpProbeProps {
  readonly probe: ProbeDeployConfig;
  /** The bucket the alert state is kept in (under probe-state/). */
  readonly stateBucket: s3.IBucket;
  /** The state bucket's key, when it is encrypted with one. @default - none */
  readonly encryptionKey?: kms.IKey;
  readonly alertTopic: sns.ITopic;
  /** SES sender of the alert mail. @default - no SES mail, the topic only */
  readonly sesFrom?: string;
  /** @default - none */
  readonly sesTo?: readonly string[];
  readonly logRetention: logs.RetentionDays;
  /** @default METRICS_NAMESPACE ('BounceDoctor') */
  readonly metricsNamespace?: string;
}

export class SmtpProbe extends Construct {
  public readonly function: HouseFunction;
  public readonly schedule: events.Rule;
  /** The state object's key in the state bucket. */
  public readonly stateKey: string;

  constructor(scope: Construct, id: string, props: SmtpProbeProps) {
    super(scope, id);
    const { probe } = props;
    const { target } = probe;
    this.stateKey = probeStateKey(target);
    const interval = Duration.minutes(probe.scheduleMinutes);
    this.function = new HouseFunction(this, 'Function', {
      entry: 'lambda/handlers/probe.ts',
      description: `bounce-doctor: SMTP login probe of ${target.host}:${target.port}`,
      logRetention: props.logRetention,
      // DNS, connect and each session step (greeting, EHLO twice, STARTTLS, AUTH, MAIL, RCPT, RSET,
      // QUIT) may each take the probe's time-out.
      timeout: Duration.seconds(Math.min(900, Math.ceil((12 * probe.timeoutMs) / 1000) + 15)),
      // One run at a time (they share the state object); a run that failed is not repeated: the next
      // scheduled run is the retry, and a stale event is dropped.
      reservedConcurrentExecutions: 1,
      retryAttempts: 0,
      maxEventAge: Duration.seconds(Math.max(60, Math.min(interval.toSeconds(), 6 * 3600))),
      environment: {
        ...probeEnvironment({
          ...probe,
          alerts: {
            topicArn: props.alertTopic.topicArn,
            ...(props.sesFrom ? { sesFrom: props.sesFrom } : {}),
            sesTo: [...(props.sesTo ?? [])],
          },
          state: { bucket: props.stateBucket.bucketName, key: this.stateKey },
        }),
        ...powertoolsEnvironment(SERVICE_NAMES.probe, props.metricsNamespace),
      },
    });
    this.schedule = new events.Rule(this, 'Schedule', {
      description: `Runs the SMTP probe every ${probe.scheduleMinutes} minutes`,
      schedule: events.Schedule.rate(interval),
      targets: [new targets.LambdaFunction(this.function, { retryAttempts: 0 })],
    });
    this.grant(props);
  }

  private grant(props: SmtpProbeProps): void {
    const role = this.function.executionRole;
    const stack = Stack.of(this);
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ReadSmtpPassword',
        actions: ['secretsmanager:GetSecretValue'],
        resources: [secretArn(stack, props.probe.passwordSecretId)],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'KeepAlertState',
        actions: ['s3:GetObject', 's3:PutObject'],
        resources: [props.stateBucket.arnForObjects(this.stateKey)],
      }),
    );
    // Without it the first run's missing state object reads as AccessDenied instead of NoSuchKey.
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'TellMissingAlertState',
        actions: ['s3:ListBucket'],
        resources: [props.stateBucket.bucketArn],
        conditions: { StringEquals: { 's3:prefix': this.stateKey } },
      }),
    );
    props.alertTopic.grantPublish(role);
    if (props.sesFrom) {
      role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'SendAlertMailAsTheSender',
          actions: ['ses:SendEmail'],
          resources: sesIdentityArns(stack, props.sesFrom),
          conditions: { StringEquals: { 'ses:FromAddress': props.sesFrom } },
        }),
      );
    }
    if (props.encryptionKey) {
      role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'UseTheStateKey',
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          resources: [props.encryptionKey.keyArn],
        }),
      );
    }
  }
}
