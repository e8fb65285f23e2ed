// Powertools for AWS Lambda's two variables, which every function's environment carries: the service
// names a function in logs and metrics (a dimension of its metrics), the namespace holds them all.
import { code, type SettingDoc } from './documented.ts';

export const METRICS_NAMESPACE = 'BounceDoctor';

/** Each function's service name: the stack sets it, the alarms and the dashboard select by it. */
export const SERVICE_NAMES = {
  bounce: 'bounce-doctor',
  viewer: 'bounce-doctor-viewer',
  probe: 'bounce-doctor-probe',
} as const;

export type PowertoolsVariable = 'POWERTOOLS_SERVICE_NAME' | 'POWERTOOLS_METRICS_NAMESPACE';

export function powertoolsVariables(service: string): Readonly<Record<PowertoolsVariable, SettingDoc>> {
  return {
    POWERTOOLS_SERVICE_NAME: {
      default: code(service),
      meaning: 'service name in logs and metrics (Powertools)',
    },
    POWERTOOLS_METRICS_NAMESPACE: {
      default: code(METRICS_NAMESPACE),
      meaning: 'namespace of the metrics (Powertools)',
    },
  };
}

export function powertoolsEnvironment(
  service: string,
  namespace: string = METRICS_NAMESPACE,
): Record<PowertoolsVariable, string> {
  return { POWERTOOLS_SERVICE_NAME: service, POWERTOOLS_METRICS_NAMESPACE: namespace };
}
