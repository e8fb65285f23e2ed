// The one place the Lambda functions' logger and metrics are created (Powertools for AWS Lambda).
// POWERTOOLS_SERVICE_NAME, set per function by the stack, names the service in logs and metrics;
// POWERTOOLS_METRICS_NAMESPACE may replace the namespace.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { METRICS_NAMESPACE, SERVICE_NAMES } from '../contracts/powertools.ts';

const serviceName = process.env.POWERTOOLS_SERVICE_NAME || SERVICE_NAMES.bounce;

export const logger = new Logger({ serviceName });

export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE || METRICS_NAMESPACE,
  serviceName,
});
