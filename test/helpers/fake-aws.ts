// A node:http server standing in for the AWS APIs the handlers call besides S3: Secrets Manager
// (JSON 1.1 protocol) and SNS and SES (query protocol). It records each call and answers as AWS does,
// or with the errors a test scripts for an action.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface AwsCall {
  /** e.g. secretsmanager.GetSecretValue, SNS.Publish, SES.SendEmail */
  action: string;
  params: Record<string, string>;
}

/** An error answer of the query protocol, e.g. 500 InternalFailure or 400 MessageRejected. */
export interface AwsFault {
  status: number;
  code: string;
  message?: string;
}

export interface FakeAws {
  endpoint: string;
  calls: AwsCall[];
  /** The secret values, by SecretId. */
  secrets: Map<string, string>;
  /** Errors to answer, in order, by action (e.g. SES.SendRawEmail); each is used once. */
  faults: Map<string, AwsFault[]>;
  close(): Promise<void>;
}

export async function startFakeAws(): Promise<FakeAws> {
  const calls: AwsCall[] = [];
  const secrets = new Map<string, string>();
  const faults = new Map<string, AwsFault[]>();
  const server = createServer((request, response) => {
    readBody(request).then(
      (body) => answer(request, response, body, { calls, secrets, faults }),
      () => response.destroy(),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    secrets,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(
  request: IncomingMessage,
  response: ServerResponse,
  body: string,
  { calls, secrets, faults }: Pick<FakeAws, 'calls' | 'secrets' | 'faults'>,
): void {
  const target = request.headers['x-amz-target'];
  if (typeof target === 'string') {
    const params = JSON.parse(body || '{}') as Record<string, string>;
    calls.push({ action: target, params });
    const secret =
      target === 'secretsmanager.GetSecretValue' ? secrets.get(params.SecretId ?? '') : undefined;
    if (secret === undefined)
      json(response, 400, { __type: 'ResourceNotFoundException', message: 'no such secret' });
    else json(response, 200, { ARN: `arn:aws:secretsmanager:::${params.SecretId}`, SecretString: secret });
    return;
  }
  const params = Object.fromEntries(new URLSearchParams(body));
  const service = request.headers.authorization?.includes('/ses/') ? 'SES' : 'SNS';
  calls.push({ action: `${service}.${params.Action}`, params });
  const xmlns =
    service === 'SES'
      ? 'http://ses.amazonaws.com/doc/2010-12-01/'
      : 'http://sns.amazonaws.com/doc/2010-03-31/';
  const name = params.Action ?? 'Unknown';
  const fault = faults.get(`${service}.${name}`)?.shift();
  if (fault) {
    response.writeHead(fault.status, { 'content-type': 'text/xml' });
    response.end(
      `<ErrorResponse xmlns="${xmlns}"><Error><Type>${fault.status < 500 ? 'Sender' : 'Receiver'}</Type>` +
        `<Code>${fault.code}</Code><Message>${fault.message ?? fault.code}</Message></Error>` +
        `<RequestId>r-${calls.length}</RequestId></ErrorResponse>`,
    );
    return;
  }
  response.writeHead(200, { 'content-type': 'text/xml' });
  response.end(
    `<${name}Response xmlns="${xmlns}"><${name}Result><MessageId>m-${calls.length}</MessageId></${name}Result>` +
      `<ResponseMetadata><RequestId>r-${calls.length}</RequestId></ResponseMetadata></${name}Response>`,
  );
}

function json(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
  response.end(JSON.stringify(value));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
