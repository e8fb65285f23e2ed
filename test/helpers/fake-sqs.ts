// A node:http stand-in for SQS (AWS JSON 1.0 protocol, as SDK v3 speaks it): one queue with
// ReceiveMessage (visibility timeout honoured), DeleteMessage, and MD5 checksums the SDK verifies.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';

interface QueuedMessage {
  id: string;
  body: string;
  receipt: string;
  invisibleUntil: number;
}

export interface FakeSqs {
  endpoint: string;
  queueUrl: string;
  send(body: string): void;
  /** Bodies still in the queue (visible or not). */
  bodies(): string[];
  deleted: string[];
  close(): Promise<void>;
}

export async function startFakeSqs(): Promise<FakeSqs> {
  const messages: QueuedMessage[] = [];
  const deleted: string[] = [];
  let counter = 0;
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const params = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    const action = String(request.headers['x-amz-target'] ?? '').replace('AmazonSQS.', '');
    if (action === 'ReceiveMessage') {
      const now = Date.now();
      const max = Number(params.MaxNumberOfMessages ?? 1);
      const hide = Number(params.VisibilityTimeout ?? 30) * 1000;
      const visible = messages.filter((m) => m.invisibleUntil <= now).slice(0, max);
      for (const message of visible) {
        message.invisibleUntil = now + hide;
        message.receipt = `rh-${++counter}-${message.id}`;
      }
      json(response, 200, {
        Messages: visible.map((m) => ({
          MessageId: m.id,
          ReceiptHandle: m.receipt,
          Body: m.body,
          MD5OfBody: md5(m.body),
        })),
      });
    } else if (action === 'DeleteMessage') {
      const index = messages.findIndex((m) => m.receipt === params.ReceiptHandle);
      if (index >= 0) deleted.push(...messages.splice(index, 1).map((m) => m.id));
      json(response, 200, {});
    } else {
      json(response, 400, { __type: 'com.amazonaws.sqs#InvalidAction', message: `not faked: ${action}` });
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    queueUrl: `${endpoint}/123456789012/bounce-doctor-bounce-failures`,
    send: (body) => messages.push({ id: `msg-${++counter}`, body, receipt: '', invisibleUntil: 0 }),
    bodies: () => messages.map((m) => m.body),
    deleted,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
  response.end(JSON.stringify(body));
}
