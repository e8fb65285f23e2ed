// Sends a probe alert: an SNS publish, and a Japanese + English mail to the ops addresses through SES
// when they are configured.
import { type SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { AlertMessage } from '../core/probe/alert-message.ts';

export interface AlertTargets {
  topicArn?: string;
  sesFrom?: string;
  sesTo: readonly string[];
}

export interface AlertClients {
  sns: SNSClient;
  ses: SESClient;
}

const DIVIDER = '\n\n――――――――――――――――――――\n\n';

/** Sends to every configured target; a failure of any rejects, so the run fails and the alert is retried. */
export async function sendProbeAlert(
  message: AlertMessage,
  targets: AlertTargets,
  clients: AlertClients,
): Promise<void> {
  const text = `${message.body.ja}${DIVIDER}${message.body.en}\n`;
  const sends: Promise<unknown>[] = [];
  if (targets.topicArn) {
    sends.push(
      clients.sns.send(
        new PublishCommand({ TopicArn: targets.topicArn, Subject: message.subject, Message: text }),
      ),
    );
  }
  if (targets.sesFrom && targets.sesTo.length > 0) {
    sends.push(
      clients.ses.send(
        new SendEmailCommand({
          Source: targets.sesFrom,
          Destination: { ToAddresses: [...targets.sesTo] },
          Message: {
            Subject: { Data: `${message.subjectLocal.ja} / ${message.subjectLocal.en}`, Charset: 'UTF-8' },
            Body: { Text: { Data: text, Charset: 'UTF-8' } },
          },
        }),
      ),
    );
  }
  await Promise.all(sends);
}
