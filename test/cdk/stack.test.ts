// The stack's promises, one test each, on the template synthesized from cdk.json's example configuration
// (bundling skipped: test/cdk/app.test.ts, "bundling", bundles every handler for real).
import { Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltApp, buildExampleApp, type PolicyStatement } from '../helpers/cdk-app.ts';

let example: BuiltApp;
let template: Template;

beforeAll(() => {
  example = buildExampleApp();
  template = example.template;
});

const id = (construct: IConstruct): string => {
  const stack = Stack.of(construct);
  return stack.resolve(stack.getLogicalId(construct.node.defaultChild as never)) as string;
};
const actions = (statement: PolicyStatement): string[] => [statement.Action].flat();
const text = (value: unknown): string => JSON.stringify(value);

function roleStatements(roleId: string): PolicyStatement[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => text(policy.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as PolicyStatement[]);
}

function only<T>(values: Record<string, T>): T {
  const list = Object.values(values);
  expect(list).toHaveLength(1);
  return list[0] as T;
}

describe('the stack', () => {
  it("the receipt rule's actions are S3 (incoming/) then Lambda (Event), TLS required, spam and virus scanning on", () => {
    const rule = only(template.findResources('AWS::SES::ReceiptRule')).Properties.Rule;
    expect(rule.Actions).toEqual([
      {
        S3Action: { BucketName: { Ref: id(example.stack.mailBucket.bucket) }, ObjectKeyPrefix: 'incoming/' },
      },
      {
        LambdaAction: {
          FunctionArn: { 'Fn::GetAtt': [id(example.stack.bounceHandler.function), 'Arn'] },
          InvocationType: 'Event',
        },
      },
    ]);
    expect(rule).toMatchObject({
      Enabled: true,
      TlsPolicy: 'Require',
      ScanEnabled: true,
      Recipients: ['bounces.example.com'],
    });
  });

  it('the receipt rule goes into the set the custom resource picks at deploy time when none is named', () => {
    const [resourceId] = Object.keys(
      template.findResources('Custom::SesActiveReceiptRuleSet', {
        Properties: { CreatedRuleSetName: 'BounceDoctor-receipt-rules' },
      }),
    );
    expect(resourceId).toBe(id(example.stack.ruleSet.customResource as IConstruct));
    template.hasResourceProperties('AWS::SES::ReceiptRule', {
      RuleSetName: { 'Fn::GetAtt': [resourceId, 'RuleSetName'] },
    });
  });

  it('SES may write only under incoming/, for this account and this receipt rule; SES checks it before the rule exists', () => {
    const policy = only(
      template.findResources('AWS::S3::BucketPolicy', {
        Properties: { Bucket: { Ref: id(example.stack.mailBucket.bucket) } },
      }),
    );
    const sesStatements = (policy.Properties.PolicyDocument.Statement as PolicyStatement[]).filter(
      (statement) => text(statement.Principal).includes('ses.amazonaws.com'),
    );
    expect(sesStatements).toHaveLength(1);
    const [ses] = sesStatements as [PolicyStatement];
    expect(ses.Effect).toBe('Allow');
    expect(actions(ses)).toEqual(['s3:PutObject']);
    expect(text(ses.Resource)).toMatch(/"\/incoming\/\*"/);
    expect(ses.Condition?.StringEquals?.['aws:SourceAccount']).toEqual({ Ref: 'AWS::AccountId' });
    expect(text(ses.Condition?.StringEquals?.['aws:SourceArn'])).toMatch(
      /arn:aws:ses:ap-northeast-1:.*:receipt-rule-set\/.*RuleSetName.*:receipt-rule\/BounceDoctor-bounces/,
    );
    const permission = only(
      template.findResources('AWS::Lambda::Permission', { Properties: { Principal: 'ses.amazonaws.com' } }),
    );
    expect(permission.Properties.SourceArn).toEqual(ses.Condition?.StringEquals?.['aws:SourceArn']);
    const rule = only(template.findResources('AWS::SES::ReceiptRule'));
    expect(rule.DependsOn).toEqual(
      expect.arrayContaining([id(example.stack.mailBucket.bucket.policy as IConstruct)]),
    );
  });

  it('the mail bucket is private, encrypted and TLS-only; mails expire after retention.mailDays; reads are logged', () => {
    const bucket = template.findResources('AWS::S3::Bucket')[id(example.stack.mailBucket.bucket)];
    expect(bucket?.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      LoggingConfiguration: { DestinationBucketName: { Ref: id(example.stack.mailBucket.accessLogs) } },
    });
    expect(bucket?.Properties.LifecycleConfiguration.Rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Prefix: 'incoming/', ExpirationInDays: 90, Status: 'Enabled' }),
        expect.objectContaining({ Prefix: 'originals/', ExpirationInDays: 90, Status: 'Enabled' }),
      ]),
    );
    const policy = only(
      template.findResources('AWS::S3::BucketPolicy', {
        Properties: { Bucket: { Ref: id(example.stack.mailBucket.bucket) } },
      }),
    );
    expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 's3:*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
  });

  it('the bounce handler retries, then sends the event to an encrypted 14-day on-failure queue; its concurrency is reserved', () => {
    const fn = template.findResources('AWS::Lambda::Function')[id(example.stack.bounceHandler.function)];
    expect(fn?.Properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 1024,
      ReservedConcurrentExecutions: 5,
    });
    expect(fn?.Properties.Timeout).toBeGreaterThanOrEqual(90);
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: id(example.stack.bounceHandler.function) },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 6 * 3600,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [id(example.stack.bounceHandler.failureQueue), 'Arn'] } },
      },
    });
    const queue = template.findResources('AWS::SQS::Queue')[id(example.stack.bounceHandler.failureQueue)];
    expect(queue?.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
  });

  it("the bounce handler's role reads incoming/, writes originals/ only, and cannot write incoming/ or delete any object", () => {
    const statements = roleStatements(id(example.stack.bounceHandler.function.executionRole));
    const s3 = statements.filter((statement) =>
      actions(statement).some((action) => action.startsWith('s3:')),
    );
    const allS3Actions = s3.flatMap(actions);
    expect(allS3Actions.sort()).toEqual(['s3:GetObject', 's3:ListBucket', 's3:PutObject']);
    expect(statements.flatMap(actions).filter((action) => action.includes('*'))).toEqual([]);
    for (const statement of s3) {
      if (actions(statement).includes('s3:PutObject'))
        expect(text(statement.Resource)).toMatch(/"\/originals\/\*"\]/);
      if (actions(statement).includes('s3:GetObject'))
        expect(text(statement.Resource)).toMatch(/"\/incoming\/\*"\]/);
      if (actions(statement).includes('s3:ListBucket')) {
        expect(statement.Condition).toEqual({ StringLike: { 's3:prefix': ['incoming/*'] } });
      }
    }
    expect(
      text(statements.filter((statement) => actions(statement).includes('secretsmanager:GetSecretValue'))),
    ).toMatch(/bounce-doctor\/link-key-\?{6}.*bounce-doctor\/ticket-api-token-\?{6}/);
  });

  it("the viewer is behind a Function URL without IAM auth (the link's token is the authorisation), reads only originals/ and the link key, and the tickets' links point to it", () => {
    const viewer = example.stack.viewer;
    template.hasResourceProperties('AWS::Lambda::Url', {
      AuthType: 'NONE',
      InvokeMode: 'BUFFERED',
      TargetFunctionArn: { 'Fn::GetAtt': [id(viewer.function), 'Arn'] },
    });
    const url = only(template.findResources('AWS::Lambda::Url'));
    expect(url.Properties.Cors).toBeUndefined();
    const statements = roleStatements(id(viewer.function.executionRole));
    expect(statements.flatMap(actions).sort()).toEqual(
      ['logs:CreateLogStream', 'logs:PutLogEvents', 's3:GetObject', 'secretsmanager:GetSecretValue'].sort(),
    );
    const read = statements.find((statement) => actions(statement).includes('s3:GetObject'));
    expect(text(read?.Resource)).toMatch(/"\/originals\/\*"\]/);
    expect(
      text(statements.find((s) => actions(s).includes('secretsmanager:GetSecretValue'))?.Resource),
    ).toMatch(/bounce-doctor\/link-key-\?{6}/);
    const handler = template.toJSON().Resources[id(example.stack.bounceHandler.function)];
    expect(text(handler)).toContain(
      `"VIEWER_BASE_URL":{"Fn::GetAtt":["${id(viewer.functionUrl)}","FunctionUrl"]}`,
    );
  });

  it('the bounce handler knows which bounces answer our mail: the trusted Message-ID domains, and the VERP key when one is configured', () => {
    const variables = () =>
      template.toJSON().Resources[id(example.stack.bounceHandler.function)].Properties.Environment.Variables;
    expect(variables()).toMatchObject({
      TRUSTED_MESSAGE_ID_DOMAINS: 'example.com',
      TRUSTED_DKIM_DOMAINS: 'example.com',
      TICKET_UNTRUSTED: 'true',
    });
    expect(variables().VERP_KEY_SECRET_ID).toBeUndefined();

    const signed = buildExampleApp({ 'trust.verpKeySecretName': 'bounce-doctor/verp-key' });
    const role = id(signed.stack.bounceHandler.function.executionRole);
    const statements = Object.values(signed.template.findResources('AWS::IAM::Policy'))
      .filter((policy) => text(policy.Properties.Roles).includes(`"${role}"`))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as PolicyStatement[]);
    expect(text(statements.find((s) => s.Sid === 'ReadVerpKey')?.Resource)).toMatch(
      /bounce-doctor\/verp-key-\?{6}/,
    );
    const handler = signed.template.toJSON().Resources[id(signed.stack.bounceHandler.function)];
    expect(handler.Properties.Environment.Variables.VERP_KEY_SECRET_ID).toBe('bounce-doctor/verp-key');
  });

  it('the probe runs on the configured schedule', () => {
    const probe = id(example.stack.probe.function);
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      State: 'ENABLED',
      Targets: [{ Arn: { 'Fn::GetAtt': [probe, 'Arn'] } }],
    });
    const every15 = buildExampleApp({ 'probe.scheduleMinutes': '15' });
    every15.template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(15 minutes)' });
  });

  it('the probe checks the sender when probe.mailFrom is set (RCPT TO the sender unless probe.rcptTo)', () => {
    const environment = (built: ReturnType<typeof buildExampleApp>) =>
      built.template.toJSON().Resources[id(built.stack.probe.function)].Properties.Environment.Variables;
    expect(environment(example)).not.toHaveProperty('PROBE_MAIL_FROM');
    expect(environment(buildExampleApp({ 'probe.mailFrom': 'support@example.com' }))).toMatchObject({
      PROBE_MAIL_FROM: 'support@example.com',
      PROBE_RCPT_TO: 'support@example.com',
    });
    const both = buildExampleApp({
      'probe.mailFrom': 'support@example.com',
      'probe.rcptTo': 'helpdesk@example.com',
    });
    expect(environment(both)).toMatchObject({ PROBE_RCPT_TO: 'helpdesk@example.com' });
  });

  it('the probe sends mail only as the configured sender, and publishes to the alert topic', () => {
    const statements = roleStatements(id(example.stack.probe.function.executionRole));
    const send = statements.filter((statement) =>
      actions(statement).some((action) => action.startsWith('ses:')),
    );
    expect(send).toHaveLength(1);
    expect(actions(send[0] as PolicyStatement)).toEqual(['ses:SendEmail']);
    expect(send[0]?.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'bounce-doctor@example.com' } });
    expect(text(send[0]?.Resource)).toMatch(/identity\/bounce-doctor@example\.com.*identity\/example\.com/);
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: 'sns:Publish',
        Resource: { Ref: id(example.stack.alertTopic.topic) },
      }),
    );
  });

  it('every alarm exists and notifies the alert topic when it fires and when it clears', () => {
    const topic = { Ref: id(example.stack.alertTopic.topic) };
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    const byMetric = Object.fromEntries(
      alarms.map((alarm) => [alarm.Properties.MetricName, alarm.Properties]),
    );
    expect(Object.keys(byMetric).sort()).toEqual([
      'ApproximateNumberOfMessagesVisible',
      'AsyncEventsDropped',
      'CertificateDaysLeft',
      'Errors',
      'ProbeSuccess',
      'Throttles',
      'TicketsPosted',
      'Untrusted',
      'ViewerRequests',
    ]);
    // Errors twice (the bounce handler's and the probe's), Throttles twice (the bounce handler's and the viewer's)
    expect(alarms).toHaveLength(11);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual([topic]);
      expect(alarm.Properties.OKActions).toEqual([topic]);
    }
    expect(byMetric.CertificateDaysLeft).toMatchObject({
      Threshold: 14,
      ComparisonOperator: 'LessThanOrEqualToThreshold',
    });
    expect(byMetric.ProbeSuccess).toMatchObject({ EvaluationPeriods: 3, TreatMissingData: 'breaching' });
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it('no secret value appears in the template: functions get secret names, and read the values at run time', () => {
    const json = text(template.toJSON());
    expect(json).not.toMatch(/resolve:secretsmanager|SecretString|SMTP_PASSWORD"/);
    template.resourceCountIs('AWS::SecretsManager::Secret', 0);
    const variables = Object.values(template.findResources('AWS::Lambda::Function')).map(
      (fn) => (fn.Properties.Environment?.Variables ?? {}) as Record<string, unknown>,
    );
    const secretIds = variables.flatMap((env) =>
      Object.entries(env).filter(([name]) => /SECRET|TOKEN|PASSWORD/.test(name)),
    );
    expect(Object.fromEntries(secretIds)).toEqual({
      TICKET_TOKEN_SECRET_ID: 'bounce-doctor/ticket-api-token',
      LINK_KEY_SECRET_ID: 'bounce-doctor/link-key',
      SMTP_PASSWORD_SECRET_ID: 'bounce-doctor/smtp-password',
    });
  });

  it("with a hosted zone: the SES domain identity, its DKIM records and the MX to the region's inbound endpoint", () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'bounces.example.com' });
    template.hasResourceProperties('AWS::Route53::RecordSet', {
      Type: 'MX',
      Name: 'bounces.example.com.',
      HostedZoneId: 'Z0123456789EXAMPLE',
      ResourceRecords: ['10 inbound-smtp.ap-northeast-1.amazonaws.com'],
    });
    expect(
      Object.keys(template.findResources('AWS::Route53::RecordSet', { Properties: { Type: 'CNAME' } })),
    ).toHaveLength(3);
  });
});
