// The app as `cdk synth` builds it: one real synth of the example (the local esbuild bundles every handler,
// then cdk-nag's AWS Solutions checks run) serves the bundling and cdk-nag tests; a bad configuration
// stops the synth naming its key; a named receipt rule set is used as it is.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltApp, buildExampleApp, configErrorOf } from '../helpers/cdk-app.ts';

const outdir = mkdtempSync(join(tmpdir(), 'bounce-doctor-cdk-'));
let example: BuiltApp;
let synthError: unknown;

beforeAll(() => {
  example = buildExampleApp({}, { bundle: true, outdir });
  try {
    example.app.synth();
  } catch (error) {
    synthError = error;
  }
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('cdk-nag (AWS Solutions)', () => {
  it('has no unacknowledged finding, and every acknowledgement gives a reason', () => {
    expect(synthError).toBeUndefined();
    const acknowledged = example.stack.node
      .findAll()
      .flatMap((construct) => construct.node.metadata)
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>));
    expect(
      acknowledged.map(([rule]) => rule.replace(/^Annotation::/, '').replace(/<\w+\.Arn>/, '<arn>')).sort(),
    ).toEqual([
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      'AwsSolutions-IAM5[Resource::*]',
      'AwsSolutions-IAM5[Resource::<arn>/incoming/*]',
      'AwsSolutions-IAM5[Resource::<arn>/originals/*]',
      'AwsSolutions-IAM5[Resource::<arn>/originals/*]',
      'AwsSolutions-IAM5[Resource::<arn>:*]',
      'AwsSolutions-SQS3',
    ]);
    for (const [, reason] of acknowledged) expect(reason.length).toBeGreaterThan(80);
  });

  it('fails the synth on a finding nobody acknowledged', () => {
    const { app, stack } = buildExampleApp();
    new sqs.Queue(stack, 'UnreviewedQueue');
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS3|AwsSolutions-SQS4/);
  });
});

describe('bundling', () => {
  it('bundles every handler with the local esbuild (no Docker) into a file that loads alone and exports handler', () => {
    expect(synthError).toBeUndefined();
    const template = JSON.parse(readFileSync(join(outdir, 'BounceDoctor.template.json'), 'utf8')) as {
      Resources: Record<
        string,
        { Type: string; Properties: { Handler?: string; Code?: { S3Key?: string } } }
      >;
    };
    const bundles = Object.values(template.Resources)
      .filter(
        (resource) =>
          resource.Type === 'AWS::Lambda::Function' && resource.Properties.Handler === 'index.handler',
      )
      .map((resource) =>
        join(outdir, `asset.${resource.Properties.Code?.S3Key?.replace(/\.zip$/, '')}`, 'index.js'),
      );
    expect(bundles).toHaveLength(4);
    for (const bundle of bundles) expect(statSync(bundle).size).toBeGreaterThan(10_000);

    // Each bundle in a plain Node.js process, outside the repository (no node_modules to fall back on).
    const environment = {
      ...process.env,
      AWS_REGION: 'ap-northeast-1',
      BUCKET_NAME: 'mail',
      IDEMPOTENCY_TABLE: 'idempotency',
      TICKET_API_URL: 'https://tickets.example.com',
      TICKET_TOKEN_SECRET_ID: 'token',
      LINK_KEY_SECRET_ID: 'key',
      VIEWER_BASE_URL: 'https://viewer.example.com',
      NODE_PATH: '',
    };
    const script = 'for (const file of process.argv.slice(1)) console.log(typeof require(file).handler);';
    const output = execFileSync(process.execPath, ['-e', script, ...bundles], {
      cwd: outdir,
      env: environment,
    });
    expect(output.toString().trim().split('\n')).toEqual(['function', 'function', 'function', 'function']);
  });
});

describe('a bad configuration fails synth with a message that names the key', () => {
  it.each([
    [
      { 'receiving.recipients': null },
      'receiving.recipients',
      /is required: the bounce addresses or domains/,
    ],
    [
      { 'receiving.recipients': 'bounces@example.com,not a domain' },
      'receiving.recipients',
      /"not a domain" is neither/,
    ],
    [{ region: 'eu-south-1' }, 'region', /does not receive mail in "eu-south-1".*us-east-1.*ap-northeast-1/],
    [{ 'ticketApi.url': 'http://tickets.example.com' }, 'ticketApi.url', /must be an https URL/],
    [{ 'ticketApi.kind': 'jira' }, 'ticketApi.kind', /one of generic, zendesk, mail, not "jira"/],
    [
      { 'ticketApi.tokenSecretName': 'arn:aws:secretsmanager:x' },
      'ticketApi.tokenSecretName',
      /name of a Secrets Manager secret/,
    ],
    [{ 'probe.port': '25' }, 'probe.port', /cannot connect to port 25/],
    [{ 'probe.scheduleMinutes': 'often' }, 'probe.scheduleMinutes', /whole number from 1 to 60, not "often"/],
    [{ 'probe.mailFrom': 'support at example.com' }, 'probe.mailFrom', /must be a mail address/],
    [{ 'probe.mailFrom': 'support@example.com>\r\nDATA' }, 'probe.mailFrom', /must be a mail address/],
    [{ 'probe.rcptTo': 'helpdesk@example.com' }, 'probe.rcptTo', /needs probe.mailFrom/],
    [
      { 'probe.mailFrom': 'support@example.com', 'probe.rcptTo': 'helpdesk' },
      'probe.rcptTo',
      /must be a mail address/,
    ],
    [{ 'probe.user': 'ops\u001b[2J@example.com' }, 'probe.user', /control characters/],
    [{ 'retention.mailDays': 7 }, 'retention.mailDays', /at least links.expiryDays \(30\)/],
    [{ 'retention.logDays': 100 }, 'retention.logDays', /must be one of 1, 3, 5/],
    [{ 'alerts.sesTo': null }, 'alerts.sesTo', /required with alerts.sesFrom/],
    [
      { 'hostedZone.mailDomain': 'bounces.example.net' },
      'hostedZone.mailDomain',
      /example.com or a subdomain/,
    ],
    [{ kmsKeyArn: 'alias/mail' }, 'kmsKeyArn', /must be a KMS key ARN/],
    [{ 'trust.messageIdDomains': 'example.com,not a domain' }, 'trust.messageIdDomains', /not a domain name/],
    [{ 'trust.verpKeySecretName': 'arn:aws:secretsmanager:x' }, 'trust.verpKeySecretName', /not an ARN/],
    [{ 'links.viewerBaseUrl': 'http://viewer.example.com' }, 'links.viewerBaseUrl', /https/],
  ])('%j → %s', (overrides, key, message) => {
    const error = configErrorOf(overrides);
    expect(error.setting).toBe(key);
    expect(error.message).toMatch(`cdk.json context "${key}": `);
    expect(error.message).toMatch(message);
  });
});

describe('the receipt rule set', () => {
  it('is the named set, as it is, with no custom resource, when receiving.ruleSetName is set', () => {
    const { template } = buildExampleApp({
      'receiving.ruleSetName': 'mail-routing',
      'receiving.afterRule': 'support-inbox',
    });
    template.resourceCountIs('Custom::SesActiveReceiptRuleSet', 0);
    template.hasResourceProperties('AWS::SES::ReceiptRule', {
      RuleSetName: 'mail-routing',
      After: 'support-inbox',
    });
    const permission = Object.values(
      template.findResources('AWS::Lambda::Permission', { Properties: { Principal: 'ses.amazonaws.com' } }),
    )[0];
    expect(JSON.stringify(permission?.Properties.SourceArn)).toContain(
      ':receipt-rule-set/mail-routing:receipt-rule/BounceDoctor-bounces',
    );
  });
});
