// The probe's CloudWatch metrics (embedded metric format through Powertools), dimension `host`:
// ProbeSuccess 0/1 (logged in), Latency<Phase> and LatencyTotal in ms, CertificateDaysLeft.
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { PHASES, type ProbeResult } from '../core/probe/types.ts';
import { metrics } from './powertools.ts';

export function publishProbeMetrics(result: ProbeResult): void {
  metrics.addDimension('host', result.host);
  const loggedIn = result.severity === 'ok' || result.severity === 'warning';
  metrics.addMetric('ProbeSuccess', MetricUnit.Count, loggedIn ? 1 : 0);
  for (const phase of PHASES) {
    const ms = result.timings[phase];
    if (ms !== undefined) metrics.addMetric(`Latency${capitalized(phase)}`, MetricUnit.Milliseconds, ms);
  }
  metrics.addMetric('LatencyTotal', MetricUnit.Milliseconds, result.totalMs);
  if (result.certificate)
    metrics.addMetric('CertificateDaysLeft', MetricUnit.Count, result.certificate.daysLeft);
  metrics.publishStoredMetrics();
}

function capitalized(word: string): string {
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}
