// The one place the Lambda functions' logger and metrics are created (Powertools for AWS Lambda).
// POWERTOOLS_SERVICE_NAME, set per function by the stack, names the service in logs and metrics;
// POWERTOOLS_METRICS_NAMESPACE may replace the namespace.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

const serviceName = process.env.POWERTOOLS_SERVICE_NAME || 'bounce-doctor';

export const logger = new Logger({ serviceName });

export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE || 'BounceDoctor',
  serviceName,
});
