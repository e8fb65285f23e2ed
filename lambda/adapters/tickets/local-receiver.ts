// A ticket API on loopback for local runs (`npm start`): accepts the generic JSON, answers 201 with a
// ticket id, and keeps what it received. Like a careful API, a repeated Idempotency-Key gets the same
// ticket back (200) instead of a second one. Closed by its caller; it keeps nothing alive after that.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface ReceivedTicket {
  id: string;
  idempotencyKey: string;
  body: unknown;
}

export interface LocalTicketReceiver {
  url: string;
  tickets: ReceivedTicket[];
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

export async function startLocalTicketReceiver(): Promise<LocalTicketReceiver> {
  const tickets: ReceivedTicket[] = [];
  const server = createServer((request, response) => {
    receive(request, response, tickets).catch(() => response.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/tickets`,
    tickets,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function receive(request: IncomingMessage, response: ServerResponse, tickets: ReceivedTicket[]) {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of request) {
    bytes += (chunk as Buffer).length;
    if (bytes > MAX_BODY_BYTES) return answer(response, 413, { message: 'ticket too large' });
    chunks.push(chunk as Buffer);
  }
  if (request.method !== 'POST') return answer(response, 405, { message: 'POST a ticket' });
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return answer(response, 400, { message: 'the body is not JSON' });
  }
  const idempotencyKey = String(request.headers['idempotency-key'] ?? '');
  const known = idempotencyKey ? tickets.find((t) => t.idempotencyKey === idempotencyKey) : undefined;
  if (known) return answer(response, 200, { id: known.id });
  const ticket = { id: `LOCAL-${tickets.length + 1}`, idempotencyKey, body };
  tickets.push(ticket);
  return answer(response, 201, { id: ticket.id });
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
