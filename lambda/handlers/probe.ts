// The SMTP probe Lambda (EventBridge schedule): log in to the sending server, record metrics, and alert
// on a change of state. Configuration: environment variables (see docs/probe.md).
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESClient } from '@aws-sdk/client-ses';
import { SNSClient } from '@aws-sdk/client-sns';
import { logger } from '../adapters/powertools.ts';
import { sendProbeAlert } from '../adapters/probe-alerts.ts';
import { publishProbeMetrics } from '../adapters/probe-metrics.ts';
import { ProbeStateStore } from '../adapters/probe-state-store.ts';
import { SecretReader } from '../adapters/secret-reader.ts';
import { probeSmtp } from '../adapters/smtp-probe.ts';
import { probeConfigFromEnv } from '../contracts/probe.ts';
import { alertMessage } from '../core/probe/alert-message.ts';
import { nextAlertState } from '../core/probe/alert-state.ts';
import { interpretProbe } from '../core/probe/interpret.ts';
import type { ProbeResult } from '../core/probe/types.ts';

const secrets = new SecretReader(new SecretsManagerClient({}));
const s3 = new S3Client({});
const alertClients = { sns: new SNSClient({}), ses: new SESClient({}) };

export async function handler(): Promise<ProbeResult> {
  const config = probeConfigFromEnv(process.env);
  const password = await secrets.read(config.passwordSecretId);
  const observation = await probeSmtp({
    target: config.target,
    password,
    timeoutMs: config.timeoutMs,
    ...(config.ca ? { ca: config.ca } : {}),
  });
  const result = interpretProbe(observation, { now: new Date(), thresholds: config.thresholds });
  publishProbeMetrics(result);

  const store = new ProbeStateStore(s3, config.state.bucket, config.state.key);
  const { state, decision } = nextAlertState(await store.load(), result, {
    transientAlertAfter: config.transientAlertAfter,
  });
  // Alert before saving: when sending fails the run fails, the state stays, and the next run alerts again.
  if (decision.kind !== 'none') {
    await sendProbeAlert(alertMessage(decision, result), config.alerts, alertClients);
  }
  await store.save(state);
  logger.info('smtp probe finished', { result, alert: decision.kind, failureRuns: state.failureRuns });
  return result;
}
