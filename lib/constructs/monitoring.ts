// The alarms (each to the alert topic, on alarm and when it clears) and a small dashboard: bounces by
// category and the probe's latency. Metric names and dimensions are the handlers' (Powertools EMF):
// bounces — Bounces {service, category, reason}; probe — ProbeSuccess, LatencyTotal, CertificateDaysLeft
// {service, host}.
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** An alarm that fires on the first occurrence in a period and stays quiet when nothing happens. */
const ANY_OCCURRENCE = {
  threshold: 1,
  evaluationPeriods: 1,
  comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
  treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
} as const;

export interface MonitoringProps {
  readonly alertTopic: sns.ITopic;
  readonly bounceFunction: lambda.IFunction;
  readonly failureQueue: sqs.IQueue;
  readonly probeFunction: lambda.IFunction;
  /** The probe's metric dimensions. */
  readonly probeDimensions: { readonly service: string; readonly host: string };
  readonly probeScheduleMinutes: number;
  /** Runs in a row a failed login must last before the alarm (as the probe's own alerting). */
  readonly probeFailedRuns: number;
  readonly certificateWarnDays: number;
  /** @default 'BounceDoctor' */
  readonly metricsNamespace?: string;
  /** @default - generated */
  readonly dashboardName?: string;
}

export class Monitoring extends Construct {
  /** A failed bounce is waiting in the on-failure queue (replay it: `bounce-doctor replay --queue`). */
  public readonly failureQueueAlarm: cloudwatch.Alarm;
  public readonly handlerErrorsAlarm: cloudwatch.Alarm;
  public readonly handlerThrottlesAlarm: cloudwatch.Alarm;
  /** The SMTP login failed (or the probe reported nothing) for the configured runs in a row. */
  public readonly probeFailureAlarm: cloudwatch.Alarm;
  /** The probe run itself failed (secret, state, alert sending). */
  public readonly probeErrorsAlarm: cloudwatch.Alarm;
  public readonly certificateExpiryAlarm: cloudwatch.Alarm;
  public readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const namespace = props.metricsNamespace ?? 'BounceDoctor';
    const fiveMinutes = Duration.minutes(5);
    const probePeriod = Duration.minutes(Math.max(5, props.probeScheduleMinutes));
    const probeMetric = (metricName: string, statistic: string) =>
      new cloudwatch.Metric({
        namespace,
        metricName,
        dimensionsMap: { service: props.probeDimensions.service, host: props.probeDimensions.host },
        statistic,
        period: probePeriod,
      });

    this.failureQueueAlarm = props.failureQueue
      .metricApproximateNumberOfMessagesVisible({
        period: fiveMinutes,
        statistic: 'Maximum',
      })
      .createAlarm(this, 'FailureQueueMessages', {
        alarmDescription:
          'A bounce failed every attempt and waits in the on-failure queue: fix the cause, then `bounce-doctor replay --queue <url>`.',
        ...ANY_OCCURRENCE,
      });
    this.handlerErrorsAlarm = props.bounceFunction
      .metricErrors({ period: fiveMinutes, statistic: 'Sum' })
      .createAlarm(this, 'BounceHandlerErrors', {
        alarmDescription: 'The bounce handler failed (it is retried; see its log for the error).',
        ...ANY_OCCURRENCE,
      });
    this.handlerThrottlesAlarm = props.bounceFunction
      .metricThrottles({ period: fiveMinutes, statistic: 'Sum' })
      .createAlarm(this, 'BounceHandlerThrottles', {
        alarmDescription:
          'Bounces arrive faster than the reserved concurrency handles; they are retried for up to 6 hours.',
        ...ANY_OCCURRENCE,
      });
    this.probeFailureAlarm = probeMetric('ProbeSuccess', 'Maximum').createAlarm(this, 'ProbeFailure', {
      alarmDescription: `The SMTP login to ${props.probeDimensions.host} failed, or the probe reported nothing, for ${props.probeFailedRuns} periods in a row.`,
      threshold: 1,
      // CloudWatch evaluates at most one day of periods.
      evaluationPeriods: Math.min(props.probeFailedRuns, Math.floor(1440 / probePeriod.toMinutes())),
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      // No data means the probe did not run or did not finish: that is a failure too.
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
    this.probeErrorsAlarm = props.probeFunction
      .metricErrors({ period: fiveMinutes, statistic: 'Sum' })
      .createAlarm(this, 'ProbeErrors', {
        alarmDescription:
          'The SMTP probe run failed (password secret, state object or alert sending); see its log.',
        ...ANY_OCCURRENCE,
      });
    this.certificateExpiryAlarm = probeMetric('CertificateDaysLeft', 'Minimum').createAlarm(
      this,
      'CertificateExpiry',
      {
        alarmDescription: `The certificate of ${props.probeDimensions.host} expires in ${props.certificateWarnDays} days or less: renew it.`,
        threshold: props.certificateWarnDays,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      },
    );

    const topicAction = new actions.SnsAction(props.alertTopic);
    for (const alarm of this.alarms) {
      alarm.addAlarmAction(topicAction);
      alarm.addOkAction(topicAction);
    }

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      ...(props.dashboardName ? { dashboardName: props.dashboardName } : {}),
      defaultInterval: Duration.days(7),
    });
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Bounces by category',
        width: 12,
        stacked: true,
        left: [
          new cloudwatch.MathExpression({
            expression: `SELECT SUM(Bounces) FROM "${namespace}" GROUP BY category`,
            label: 'category',
            period: Duration.hours(1),
          }),
        ],
      }),
      new cloudwatch.GraphWidget({
        title: `SMTP probe latency (${props.probeDimensions.host})`,
        width: 12,
        left: [probeMetric('LatencyTotal', 'Average'), probeMetric('LatencyTotal', 'Maximum')],
        right: [probeMetric('ProbeSuccess', 'Minimum')],
      }),
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', width: 24, alarms: this.alarms }),
    );
  }

  get alarms(): cloudwatch.Alarm[] {
    return [
      this.failureQueueAlarm,
      this.handlerErrorsAlarm,
      this.handlerThrottlesAlarm,
      this.probeFailureAlarm,
      this.probeErrorsAlarm,
      this.certificateExpiryAlarm,
    ];
  }
}
