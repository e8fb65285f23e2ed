// The viewer on loopback, for `npm start` and the tests: a node:http server that turns each request
// into a Function URL event (payload v2), calls the viewer's own handler, and writes its answer back.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { ViewerResponse } from '../core/viewer/responses.ts';

/** What the server calls: the viewer's handler, given the Function URL event's path and method. */
export type FunctionUrlHandler = (event: {
  rawPath: string;
  requestContext: { http: { method: string } };
}) => Promise<ViewerResponse>;

export interface LocalViewer {
  /** e.g. http://127.0.0.1:41234 — the links' base URL. */
  url: string;
  close(): Promise<void>;
}

export async function startLocalViewer(
  handler: FunctionUrlHandler,
  options: { port?: number; host?: string } = {},
): Promise<LocalViewer> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://local');
    const method = request.method ?? 'GET';
    handler({ rawPath: url.pathname, requestContext: { http: { method } } }).then(
      (answer) => {
        const body = Buffer.from(answer.body, answer.isBase64Encoded ? 'base64' : 'utf8');
        response.writeHead(answer.statusCode, { ...answer.headers, 'Content-Length': body.byteLength });
        response.end(method === 'HEAD' ? undefined : body);
      },
      () => {
        response.writeHead(500).end();
      },
    );
  });
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { address, port } = server.address() as { address: string; port: number };
  return {
    url: `http://${address}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
