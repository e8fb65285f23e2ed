// A ticket API on loopback for tests: records every request and answers from a script of faults
// (status codes with bodies and headers, a hung response, a reset connection), then 201 Created.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';

export type TicketApiStep =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | 'hang'
  | 'reset';

export interface TicketRequest {
  at: number;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface TicketApi {
  url: string;
  requests: TicketRequest[];
  /** Tickets answered 201, i.e. created. */
  created: TicketRequest[];
  /** The next answers, in order; when it is empty, each request gets 201 with a new id. */
  script: TicketApiStep[];
  /** Milliseconds to wait before a 201 (lets concurrent duplicates overlap). */
  createDelayMs: number;
  close(): Promise<void>;
}

export async function startTicketApi(options: { zendesk?: boolean } = {}): Promise<TicketApi> {
  const api: Omit<TicketApi, 'url' | 'close'> = { requests: [], created: [], script: [], createDelayMs: 0 };
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const recorded: TicketRequest = { at: Date.now(), headers: request.headers, body: parse(text) };
    api.requests.push(recorded);
    const step = api.script.shift();
    if (step === 'hang') return; // never answers; the client's timeout ends it
    if (step === 'reset') {
      request.socket.destroy();
      return;
    }
    if (step) {
      response.writeHead(step.status, { 'content-type': 'application/json', ...step.headers });
      response.end(step.body === undefined ? '' : JSON.stringify(step.body));
      return;
    }
    if (api.createDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, api.createDelayMs));
    api.created.push(recorded);
    const id = 1000 + api.created.length;
    const body = options.zendesk
      ? { ticket: { id, url: `https://acme.zendesk.example/api/v2/tickets/${id}.json` } }
      : { id: `T-${id}` };
    response.writeHead(201, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return Object.assign(api, {
    url: `http://127.0.0.1:${port}/api/tickets`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
