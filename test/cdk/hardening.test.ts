// The stack's hardening promises (issue 13), each on a real synth of the example configuration
// (bundling skipped): the KMS path lets SES write through a role of the stack's own; the viewer's
// concurrency is reserved; the mail domain is explicit and holds the recipients; what a stack
// deletion leaves behind is chosen; the alarms; the region override; no stale cdk-nag acknowledgement.
import { Validations } from 'aws-cdk-lib';
import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltApp, buildExampleApp, configErrorOf, type PolicyStatement } from '../helpers/cdk-app.ts';

const KEY_ARN = 'arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

const text = (value: unknown): string => JSON.stringify(value);
const actions = (statement: PolicyStatement): string[] => [statement.Action].flat();
const logicalId = (built: BuiltApp, construct: IConstruct): string => {
  const stack = built.stack;
  return stack.resolve(stack.getLogicalId(construct.node.defaultChild as never)) as string;
};

function roleStatements(template: Template, roleId: string): PolicyStatement[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => text(policy.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as PolicyStatement[]);
}

let example: BuiltApp;
beforeAll(() => {
  example = buildExampleApp();
});

describe('the KMS path (finding 3)', () => {
  it('SES writes through a role of the stack: the S3 action names it, it may use the key, SES may assume it for this rule only, and the rule waits for it', () => {
    const kms = buildExampleApp({ kmsKeyArn: KEY_ARN });
    const { template } = kms;
    const rule = Object.values(template.findResources('AWS::SES::ReceiptRule'))[0];
    const s3Action = rule?.Properties.Rule.Actions[0].S3Action;
    expect(s3Action.IamRoleArn).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Arn'] });
    const roleId = s3Action.IamRoleArn['Fn::GetAtt'][0] as string;
    const role = template.toJSON().Resources[roleId];
    const trust = role.Properties.AssumeRolePolicyDocument.Statement as PolicyStatement[];
    expect(trust).toHaveLength(1);
    expect(trust[0]?.Principal).toEqual({ Service: 'ses.amazonaws.com' });
    expect(trust[0]?.Condition?.StringEquals?.['aws:SourceAccount']).toEqual({ Ref: 'AWS::AccountId' });
    expect(text(trust[0]?.Condition?.StringEquals?.['aws:SourceArn'])).toMatch(
      /receipt-rule-set\/.*:receipt-rule\/BounceDoctor-bounces/,
    );
    const statements = roleStatements(template, roleId);
    const put = statements.find((s) => actions(s).includes('s3:PutObject'));
    expect(text(put?.Resource)).toMatch(/"\/incoming\/\*"\]/);
    const key = statements.find((s) => actions(s).includes('kms:GenerateDataKey'));
    expect(actions(key as PolicyStatement).sort()).toEqual([
      'kms:Decrypt',
      'kms:Encrypt',
      'kms:GenerateDataKey',
    ]);
    expect(key?.Resource).toBe(KEY_ARN);
    expect(statements.flatMap(actions).sort()).toEqual([
      'kms:Decrypt',
      'kms:Encrypt',
      'kms:GenerateDataKey',
      's3:PutObject',
    ]);
    const policyIds = Object.keys(template.findResources('AWS::IAM::Policy')).filter((id) =>
      text(template.toJSON().Resources[id].Properties.Roles).includes(`"${roleId}"`),
    );
    expect(rule?.DependsOn).toEqual(expect.arrayContaining(policyIds));
    // The bucket is encrypted with the key, and SES needs no grant of the bucket's own any more.
    const bucket = template.toJSON().Resources[logicalId(kms, kms.stack.mailBucket.bucket)];
    expect(text(bucket.Properties.BucketEncryption)).toContain(KEY_ARN);
    const bucketPolicies = Object.values(template.findResources('AWS::S3::BucketPolicy'));
    expect(text(bucketPolicies)).not.toContain('ses.amazonaws.com');
  });

  it('the KMS path passes cdk-nag (each acknowledgement with its reason)', () => {
    const kms = buildExampleApp({ kmsKeyArn: KEY_ARN });
    expect(() => kms.app.synth()).not.toThrow();
  });
});

describe('the viewer (finding 5)', () => {
  it('has a reserved concurrency (viewer.reservedConcurrency, 10 by default)', () => {
    const fn = example.template.toJSON().Resources[logicalId(example, example.stack.viewer.function)];
    expect(fn.Properties.ReservedConcurrentExecutions).toBe(10);
    const three = buildExampleApp({ 'viewer.reservedConcurrency': '3' });
    const resized = three.template.toJSON().Resources[logicalId(three, three.stack.viewer.function)];
    expect(resized.Properties.ReservedConcurrentExecutions).toBe(3);
  });
});

describe('the mail domain (finding 9)', () => {
  it.each([
    [{ 'hostedZone.mailDomain': null }, 'hostedZone.mailDomain', /is required with hostedZone.id/],
    [
      { 'receiving.recipients': 'bounces@example.com' },
      'receiving.recipients',
      /"bounces@example.com" is not inside hostedZone.mailDomain "bounces.example.com"/,
    ],
    [{ 'receiving.recipients': 'example.com' }, 'receiving.recipients', /not inside/],
  ])('%j → %s', (overrides, key, message) => {
    const error = configErrorOf(overrides);
    expect(error.setting).toBe(key);
    expect(error.message).toMatch(message);
  });

  it('recipients inside the mail domain pass: the domain, an address, a subdomain', () => {
    const built = buildExampleApp({
      'receiving.recipients': 'bounces.example.com,b@bounces.example.com,.bounces.example.com',
    });
    built.template.hasResourceProperties('AWS::Route53::RecordSet', {
      Type: 'MX',
      Name: 'bounces.example.com.',
    });
  });
});

describe('stack deletion (finding 10)', () => {
  it('the buckets and their policies are retained together; every function has a log group of the stack, with a retention, retained', () => {
    const json = example.template.toJSON().Resources as Record<string, Record<string, unknown>>;
    const buckets = Object.entries(json).filter(([, r]) => r.Type === 'AWS::S3::Bucket');
    const policies = Object.values(json).filter((r) => r.Type === 'AWS::S3::BucketPolicy');
    expect(buckets).toHaveLength(2);
    expect(policies).toHaveLength(2);
    for (const [, bucket] of buckets) expect(bucket.DeletionPolicy).toBe('Retain');
    for (const policy of policies) expect(policy.DeletionPolicy).toBe('Retain');

    const functions = Object.values(json).filter((r) => r.Type === 'AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThanOrEqual(5);
    for (const fn of functions) {
      const group = (fn.Properties as { LoggingConfig?: { LogGroup?: { Ref?: string } } }).LoggingConfig
        ?.LogGroup?.Ref;
      expect(group, text((fn.Properties as { Description?: string }).Description)).toBeDefined();
      const logGroup = json[group as string];
      expect(logGroup?.Type).toBe('AWS::Logs::LogGroup');
      expect((logGroup?.Properties as { RetentionInDays?: number } | undefined)?.RetentionInDays).toBe(90);
      expect(logGroup?.DeletionPolicy).toBe('Retain');
    }
  });
});

describe('the alarms (findings 1, 2 and 11)', () => {
  it('viewer errors and throttles, untrusted bounces, the hourly ticket volume, events Lambda dropped', () => {
    const { template, stack } = example;
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    const byName = (name: string) => alarms.filter((a) => text(a).includes(`"${name}"`));
    const viewer = logicalId(example, stack.viewer.function);
    const viewerErrors = byName('ViewerRequests');
    expect(viewerErrors).toHaveLength(1);
    expect(viewerErrors[0]?.Dimensions).toEqual(
      expect.arrayContaining([
        { Name: 'result', Value: 'error' },
        { Name: 'service', Value: 'bounce-doctor-viewer' },
      ]),
    );
    expect(
      alarms.filter((a) => a.MetricName === 'Throttles' && text(a.Dimensions).includes(viewer)),
    ).toHaveLength(1);
    const untrusted = byName('Untrusted');
    expect(untrusted).toHaveLength(1);
    expect(untrusted[0]?.Dimensions).toEqual(
      expect.arrayContaining([
        { Name: 'action', Value: 'recorded' },
        { Name: 'service', Value: 'bounce-doctor' },
      ]),
    );
    const volume = byName('TicketsPosted');
    expect(volume).toHaveLength(1);
    expect(volume[0]).toMatchObject({ Threshold: 100, Period: 3600, Statistic: 'Sum' });
    const dropped = byName('AsyncEventsDropped');
    expect(dropped).toHaveLength(1);
    expect(text(dropped[0]?.Dimensions)).toContain(logicalId(example, stack.bounceHandler.function));
    const topic = { Ref: logicalId(example, stack.alertTopic.topic) };
    for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([topic]);
  });

  it('the bounce handler knows the hourly budget, and the volume alarm follows it', () => {
    const built = buildExampleApp({ 'ticketApi.budgetPerHour': '40' });
    const fn = built.template.toJSON().Resources[logicalId(built, built.stack.bounceHandler.function)];
    expect(fn.Properties.Environment.Variables.TICKET_BUDGET_PER_HOUR).toBe('40');
    const alarms = Object.values(built.template.findResources('AWS::CloudWatch::Alarm')).map(
      (a) => a.Properties,
    );
    expect(alarms.find((a) => a.MetricName === 'TicketsPosted')?.Threshold).toBe(40);
  });
});

describe('the receiving regions (finding 12)', () => {
  it('a region outside the list is refused, unless receiving.extraRegions names it: then synth warns', () => {
    expect(() => buildExampleApp({ region: 'eu-south-1' })).toThrow(/does not receive mail in "eu-south-1"/);
    const built = buildExampleApp({ region: 'eu-south-1', 'receiving.extraRegions': 'eu-south-1' });
    const warnings = Annotations.fromStack(built.stack).findWarning(
      '*',
      Match.stringLikeRegexp('"eu-south-1" is not in the list of regions where SES receives mail'),
    );
    expect(warnings).toHaveLength(1);
  });
});

describe('cdk-nag acknowledgements (finding 15)', () => {
  it('every acknowledgement silences a finding that cdk-nag really makes: none is stale', () => {
    const built = buildExampleApp({
      kmsKeyArn: KEY_ARN,
      'trust.verpKeySecretName': 'bounce-doctor/verp-key',
    });
    for (const target of [example, built]) {
      const used = new Set<string>();
      const pack = new AwsSolutionsChecks();
      const checker = pack as unknown as { isAcknowledged(resource: IConstruct, ruleId: string): boolean };
      checker.isAcknowledged = (resource, ruleId) => {
        for (let scope: IConstruct | undefined = resource; scope; scope = scope.node.scope) {
          for (const entry of scope.node.metadata) {
            if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
            const ids = Object.keys(entry.data as Record<string, string>).map((k) =>
              k.replace(/^annotation::/i, ''),
            );
            if (ids.includes(ruleId)) {
              used.add(`${scope.node.path} ${ruleId}`);
              return true;
            }
          }
        }
        return false;
      };
      pack.validateScope(target.stack);
      const declared = target.stack.node
        .findAll()
        .flatMap((construct) =>
          construct.node.metadata
            .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
            .flatMap((entry) =>
              Object.keys(entry.data as Record<string, string>).map(
                (id) => `${construct.node.path} ${id.replace(/^annotation::/i, '')}`,
              ),
            ),
        );
      expect(declared.filter((ack) => !used.has(ack))).toEqual([]);
    }
  });
});
