// The whole deployment: SES receipt rule → S3 → bounce handler; the scheduled SMTP probe; the alert
// topic, alarms and dashboard. Built from the checked configuration (lib/config/).
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { INCOMING_PREFIX, ORIGINALS_PREFIX } from '../lambda/contracts/bounce-variables.ts';
import { METRICS_NAMESPACE, SERVICE_NAMES } from '../lambda/contracts/powertools.ts';
import type { BounceDoctorConfig } from './config/bounce-doctor-config.ts';
import { inboundSmtpEndpoint } from './config/ses-regions.ts';
import { AlertTopic } from './constructs/alert-topic.ts';
import { BounceHandler } from './constructs/bounce-handler.ts';
import { BounceReceiptRule } from './constructs/bounce-receipt-rule.ts';
import { MailBucket } from './constructs/mail-bucket.ts';
import { Monitoring } from './constructs/monitoring.ts';
import { OriginalViewer } from './constructs/original-viewer.ts';
import { ReceiptRuleSet } from './constructs/receipt-rule-set.ts';
import { ReceivingDomain } from './constructs/receiving-domain.ts';
import { SmtpProbe } from './constructs/smtp-probe.ts';

export interface BounceDoctorStackProps extends StackProps {
  readonly config: BounceDoctorConfig;
  /**
   * Base URL of the original-message viewer that the ticket links point to.
   * @default - the configured links.viewerBaseUrl (e.g. a custom domain in front of the viewer), else
   * the viewer's own Function URL
   */
  readonly viewerBaseUrl?: string;
}

export class BounceDoctorStack extends Stack {
  public readonly mailBucket: MailBucket;
  public readonly bounceHandler: BounceHandler;
  public readonly viewer: OriginalViewer;
  public readonly ruleSet: ReceiptRuleSet;
  public readonly receiptRule: BounceReceiptRule;
  public readonly receivingDomain?: ReceivingDomain;
  public readonly alertTopic: AlertTopic;
  public readonly probe: SmtpProbe;
  public readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: BounceDoctorStackProps) {
    super(scope, id, props);
    const { config } = props;
    const logRetention = config.retention.logDays as logs.RetentionDays;
    const encryptionKey = config.kmsKeyArn
      ? kms.Key.fromKeyArn(this, 'MailKey', config.kmsKeyArn)
      : undefined;
    this.mailBucket = new MailBucket(this, 'Mail', {
      incomingPrefix: INCOMING_PREFIX,
      originalsPrefix: ORIGINALS_PREFIX,
      mailRetentionDays: config.retention.mailDays,
      ...(encryptionKey ? { encryptionKey } : {}),
    });
    this.viewer = new OriginalViewer(this, 'Viewer', {
      bucket: this.mailBucket.bucket,
      originalsPrefix: ORIGINALS_PREFIX,
      ...(encryptionKey ? { encryptionKey } : {}),
      linkKeySecretName: config.links.keySecretId,
      logRetention,
      reservedConcurrency: config.viewer.reservedConcurrency,
      metricsNamespace: METRICS_NAMESPACE,
    });
    const viewerBaseUrl = props.viewerBaseUrl ?? config.links.viewerBaseUrl ?? this.viewer.functionUrl.url;
    this.bounceHandler = new BounceHandler(this, 'BounceHandler', {
      bucket: this.mailBucket.bucket,
      incomingPrefix: INCOMING_PREFIX,
      originalsPrefix: ORIGINALS_PREFIX,
      ...(encryptionKey ? { encryptionKey } : {}),
      ticketApi: config.ticketApi,
      ticketKinds: config.ticketKinds,
      links: { keySecretId: config.links.keySecretId, expiryDays: config.links.expiryDays },
      viewerBaseUrl,
      trust: config.trust,
      memoryMb: config.bounceHandler.memoryMb,
      reservedConcurrency: config.bounceHandler.reservedConcurrency,
      logRetention,
      metricsNamespace: METRICS_NAMESPACE,
    });
    this.ruleSet = new ReceiptRuleSet(this, 'ReceiptRuleSet', {
      ...(config.receiving.ruleSetName ? { existingRuleSetName: config.receiving.ruleSetName } : {}),
      createdRuleSetName: config.receiving.createdRuleSetName,
      logRetention,
    });
    this.receiptRule = new BounceReceiptRule(this, 'ReceiptRule', {
      ruleSetName: this.ruleSet.ruleSetName,
      ruleName: config.receiving.ruleName,
      recipients: config.receiving.recipients,
      tlsRequired: config.receiving.tlsRequired,
      ...(config.receiving.afterRule ? { afterRule: config.receiving.afterRule } : {}),
      mailBucket: this.mailBucket,
      incomingPrefix: INCOMING_PREFIX,
      handler: this.bounceHandler.function,
      ...(encryptionKey ? { encryptionKey } : {}),
    });
    if (config.hostedZone) {
      this.receivingDomain = new ReceivingDomain(this, 'ReceivingDomain', {
        hostedZoneId: config.hostedZone.id,
        zoneName: config.hostedZone.zoneName,
        mailDomain: config.hostedZone.mailDomain,
        inboundEndpoint: inboundSmtpEndpoint(config.region),
      });
    }

    this.alertTopic = new AlertTopic(this, 'Alerts', { emails: config.alerts.emails });
    this.probe = new SmtpProbe(this, 'SmtpProbe', {
      probe: config.probe,
      stateBucket: this.mailBucket.bucket,
      ...(encryptionKey ? { encryptionKey } : {}),
      alertTopic: this.alertTopic.topic,
      ...(config.alerts.sesFrom ? { sesFrom: config.alerts.sesFrom } : {}),
      sesTo: config.alerts.sesTo,
      logRetention,
      metricsNamespace: METRICS_NAMESPACE,
    });
    this.monitoring = new Monitoring(this, 'Monitoring', {
      alertTopic: this.alertTopic.topic,
      bounceFunction: this.bounceHandler.function,
      failureQueue: this.bounceHandler.failureQueue,
      viewerFunction: this.viewer.function,
      ticketBudgetPerHour: config.ticketApi.budgetPerHour,
      probeFunction: this.probe.function,
      probeDimensions: { service: SERVICE_NAMES.probe, host: config.probe.target.host },
      probeScheduleMinutes: config.probe.scheduleMinutes,
      probeFailedRuns: config.probe.transientAlertAfter,
      certificateWarnDays: config.probe.thresholds.certificateWarnDays,
      metricsNamespace: METRICS_NAMESPACE,
      dashboardName: config.stackName,
    });
    this.addOutputs(viewerBaseUrl);
  }

  private addOutputs(viewerBaseUrl: string): void {
    const output = (id: string, value: string, description: string) =>
      new CfnOutput(this, id, { value, description });
    output(
      'MailBucketName',
      this.mailBucket.bucket.bucketName,
      'Raw mails (incoming/), originals (originals/), probe state',
    );
    output(
      'ReceiptRuleSetName',
      this.ruleSet.ruleSetName,
      'The SES receipt rule set that holds the bounce rule',
    );
    output(
      'ReceiptRuleSetCreatedByStack',
      this.ruleSet.createdByStack,
      'true: the stack created and activated the set; false: it joined the active set; existing: named in config',
    );
    output('ReceiptRuleName', this.receiptRule.rule.ref, 'The bounce receipt rule');
    output('AlertTopicArn', this.alertTopic.topic.topicArn, 'Alarms and probe alerts');
    output(
      'FailureQueueUrl',
      this.bounceHandler.failureQueue.queueUrl,
      'Bounces that failed every attempt: bounce-doctor replay --queue <url>',
    );
    output(
      'IdempotencyTableName',
      this.bounceHandler.idempotencyTable.tableName,
      'IDEMPOTENCY_TABLE for bounce-doctor replay',
    );
    output('ViewerUrl', viewerBaseUrl, 'Base URL of the original-message viewer in the ticket links');
    output('ViewerFunctionUrl', this.viewer.functionUrl.url, "The viewer's own Function URL");
    output('BounceHandlerFunctionName', this.bounceHandler.function.functionName, 'The bounce handler');
    output(
      'BounceHandlerLogGroupName',
      this.bounceHandler.function.logs.logGroupName,
      'aws logs tail <name> --follow',
    );
    output(
      'ProbeFunctionName',
      this.probe.function.functionName,
      'aws lambda invoke --function-name <name> out.json',
    );
    output('ProbeLogGroupName', this.probe.function.logs.logGroupName, "The SMTP probe's log");
  }
}
