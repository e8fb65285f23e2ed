// The bounce Lambda's on-failure destination (SQS), read by `bounce-doctor replay --queue`: receive
// the records, delete each one only after its bounce was handled.
import { DeleteMessageCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';

export interface QueuedFailure {
  messageId: string;
  receiptHandle: string;
  body: string;
}

export class FailureQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  /**
   * Up to `max` (at most 10) records, hidden from other readers for `hideSeconds`: a record that fails
   * again comes back after that, not within the same drain.
   */
  async receive(max: number, hideSeconds: number): Promise<QueuedFailure[]> {
    const output = await this.client.send(
      new ReceiveMessageCommand({
        QueueUrl: this.queueUrl,
        MaxNumberOfMessages: Math.min(10, Math.max(1, max)),
        VisibilityTimeout: hideSeconds,
        WaitTimeSeconds: 1,
      }),
    );
    return (output.Messages ?? []).flatMap((message) =>
      message.MessageId && message.ReceiptHandle
        ? [{ messageId: message.MessageId, receiptHandle: message.ReceiptHandle, body: message.Body ?? '' }]
        : [],
    );
  }

  async remove(failure: QueuedFailure): Promise<void> {
    await this.client.send(
      new DeleteMessageCommand({ QueueUrl: this.queueUrl, ReceiptHandle: failure.receiptHandle }),
    );
  }
}
