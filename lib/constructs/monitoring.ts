// The alarms (each to the alert topic, on alarm and when it clears) and a small dashboard: bounces by
// category and the probe's latency. Metric names and dimensions are the handlers' (Powertools EMF):
// bounces — Bounces {service, category, reason}, TicketsPosted {service}, Untrusted {service, action};
// viewer — ViewerRequests {service, result}; probe — ProbeSuccess, LatencyTotal, CertificateDaysLeft
// {service, host}.
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE, SERVICE_NAMES } from '../../lambda/contracts/powertools.ts';

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
  readonly viewerFunction: lambda.IFunction;
  /** The bounce handler's TICKET_BUDGET_PER_HOUR: the ticket volume alarm fires when an hour reaches it. */
  readonly ticketBudgetPerHour: number;
  readonly probeFunction: lambda.IFunction;
  /** The probe's metric dimensions. */
  readonly probeDimensions: { readonly service: string; readonly host: string };
  readonly probeScheduleMinutes: number;
  /** Runs in a row a failed login must last before the alarm (as the probe's own alerting). */
  readonly probeFailedRuns: number;
  readonly certificateWarnDays: number;
  /** @default METRICS_NAMESPACE ('BounceDoctor') */
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
  /** Lambda dropped events SES handed it (too old, or no destination took them): mail not handled. */
  public readonly droppedEventsAlarm: cloudwatch.Alarm;
  /** Bounces not tied to a message we sent were recorded without a ticket: forged, or trust misconfigured. */
  public readonly untrustedAlarm: cloudwatch.Alarm;
  /** An hour reached the ticket budget: a mass failure of a mailing, or a flood of forged bounces. */
  public readonly ticketVolumeAlarm: cloudwatch.Alarm;
  public readonly viewerErrorsAlarm: cloudwatch.Alarm;
  public readonly viewerThrottlesAlarm: cloudwatch.Alarm;
  public readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const namespace = props.metricsNamespace ?? METRICS_NAMESPACE;
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

    const abuse = abuseAlarms(this, props, namespace);
    this.droppedEventsAlarm = abuse.droppedEvents;
    this.untrustedAlarm = abuse.untrusted;
    this.ticketVolumeAlarm = abuse.ticketVolume;
    this.viewerErrorsAlarm = abuse.viewerErrors;
    this.viewerThrottlesAlarm = abuse.viewerThrottles;

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
      this.droppedEventsAlarm,
      this.untrustedAlarm,
      this.ticketVolumeAlarm,
      this.viewerErrorsAlarm,
      this.viewerThrottlesAlarm,
      this.probeFailureAlarm,
      this.probeErrorsAlarm,
      this.certificateExpiryAlarm,
    ];
  }
}

/** Alarms on what strangers can cause: forged bounces, floods, a busy or failing viewer, lost events. */
function abuseAlarms(scope: Construct, props: MonitoringProps, namespace: string) {
  const fiveMinutes = Duration.minutes(5);
  const bounceMetric = (metricName: string, dimensions: Record<string, string>, period = fiveMinutes) =>
    new cloudwatch.Metric({
      namespace,
      metricName,
      dimensionsMap: { service: SERVICE_NAMES.bounce, ...dimensions },
      statistic: 'Sum',
      period,
    });
  const droppedEvents = props.bounceFunction
    .metric('AsyncEventsDropped', { period: fiveMinutes, statistic: 'Sum' })
    .createAlarm(scope, 'BounceEventsDropped', {
      alarmDescription:
        'Lambda dropped SES events for the bounce handler: the raw mails are in incoming/; `bounce-doctor replay --s3 --since <time>`.',
      ...ANY_OCCURRENCE,
    });
  // Untrusted bounces that got a ticket are in front of the agents, marked; those recorded without one
  // are seen by no one but this alarm.
  const untrusted = bounceMetric('Untrusted', { action: 'recorded' }).createAlarm(scope, 'UntrustedBounces', {
    alarmDescription:
      'Bounces not tied to a message we sent were stored without a ticket: forged, or the trust settings miss a real sending path (docs/forged-bounces.md).',
    ...ANY_OCCURRENCE,
  });
  const ticketVolume = bounceMetric('TicketsPosted', {}, Duration.hours(1)).createAlarm(
    scope,
    'TicketVolume',
    {
      alarmDescription: `An hour reached the ticket budget (${props.ticketBudgetPerHour}); later bounces of that hour are stored, not ticketed, until replayed.`,
      ...ANY_OCCURRENCE,
      threshold: props.ticketBudgetPerHour,
    },
  );
  const viewerErrors = new cloudwatch.Metric({
    namespace,
    metricName: 'ViewerRequests',
    dimensionsMap: { service: SERVICE_NAMES.viewer, result: 'error' },
    statistic: 'Sum',
    period: fiveMinutes,
  }).createAlarm(scope, 'ViewerErrors', {
    alarmDescription: 'The original-message viewer answered 500 (see its log): links in tickets do not open.',
    ...ANY_OCCURRENCE,
  });
  const viewerThrottles = props.viewerFunction
    .metricThrottles({ period: fiveMinutes, statistic: 'Sum' })
    .createAlarm(scope, 'ViewerThrottles', {
      alarmDescription:
        'The viewer refused requests over its reserved concurrency: a flood of requests, or raise viewer.reservedConcurrency.',
      ...ANY_OCCURRENCE,
    });
  return { droppedEvents, untrusted, ticketVolume, viewerErrors, viewerThrottles };
}
