// Real servers on loopback for the probe tests: smtp-server with AUTH and TLS, a listener that never
// greets, a closed port, and a listener whose full accept backlog drops new connections (a time-out).
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export const USER = 'ops@example.com';
export const PASSWORD = 'correct horse battery staple';

export interface Running {
  port: number;
  close(): Promise<void>;
}

/** An error smtp-server sends as the reply: `responseCode` and the words (enhanced code included). */
export function smtpError(responseCode: number, words: string): Error {
  return Object.assign(new Error(words), { responseCode });
}

/**
 * smtp-server with AUTH PLAIN/LOGIN that accepts USER/PASSWORD and, unless told otherwise, refuses
 * anything else with `535 5.7.8`. Enhanced status codes are left to each test's words.
 */
export async function startSmtp(options: SMTPServerOptions & { authReply?: Error; delayMs?: number } = {}) {
  const { authReply, delayMs = 0, ...rest } = options;
  const server = new SMTPServer({
    logger: false,
    // Its default reverse lookup of 127.0.0.1 would ask the system resolver, outside loopback.
    disableReverseLookup: true,
    hideENHANCEDSTATUSCODES: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, callback) {
      setTimeout(() => {
        if (authReply) return callback(authReply);
        if (auth.username === USER && auth.password === PASSWORD) return callback(null, { user: USER });
        return callback(smtpError(535, '5.7.8 Error: authentication failed'));
      }, delayMs);
    },
    ...rest,
  });
  server.on('error', () => {});
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as { port: number };
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  } satisfies Running;
}

/** A TCP listener that accepts and then says nothing (a wrong port, a stuck proxy). */
export async function startSilentListener(): Promise<Running> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  return listen(server, sockets);
}

/** A port that was just free: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A listener whose accept queue is full, so the kernel drops further SYNs and a connect times out.
 * It lives in a child process that never runs its event loop (so never accepts); the queue is
 * filled by connections made here until one hangs.
 */
export async function startBlackhole(): Promise<Running> {
  const script = `
    const server = require('node:net').createServer();
    server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
      require('node:fs').writeSync(1, server.address().port + '\\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60000);
      process.exit(0);
    });`;
  const child: ChildProcess = spawn(process.execPath, ['-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
  const port = Number(chunk.toString().trim());
  const fillers: Socket[] = [];
  for (let i = 0; i < 16; i++) {
    const socket = tcpConnect(port, '127.0.0.1');
    socket.on('error', () => {});
    fillers.push(socket);
    const connected = await Promise.race([
      once(socket, 'connect').then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 300)),
    ]);
    if (!connected) break;
  }
  return {
    port,
    close: async () => {
      for (const socket of fillers) socket.destroy();
      child.kill();
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

async function listen(server: Server, sockets: Set<Socket>): Promise<Running> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
