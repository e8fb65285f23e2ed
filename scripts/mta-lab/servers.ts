// The lab's receiving side on loopback: the providers' scripted servers (smtp-server) that answer each
// case's recipient with its reply at MAIL FROM, RCPT TO or the end of DATA; a server of its own for a
// reply in the greeting or to EHLO; a server that never greets; and the catcher that receives bounces.
import { createServer, type Server, type Socket } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { LabCase } from './cases.ts';
import type { Destination } from './destinations.ts';
import { type ServerReply, serverReply, withLabAddresses } from './replies.ts';

export interface Closable {
  close(): Promise<void>;
}

/** The reply a case gives, with the addresses of the message that asked. */
function replyFor(c: LabCase, sender: string): ServerReply {
  if (!c.reply) throw new Error(`case ${c.id} has no reply`);
  return serverReply(withLabAddresses(c.reply.text, c.stage, sender, c.recipient));
}

/** An smtp-server refusal carrying a whole reply: several lines make a multi-line reply. */
function refusal(reply: ServerReply): Error {
  const error = Object.assign(new Error(reply.lines.join(' ')), { responseCode: reply.code });
  // smtp-server sends an array message as a multi-line reply, the code on every line.
  if (reply.lines.length > 1) Object.defineProperty(error, 'message', { value: reply.lines });
  return error;
}

const caseIdOf = (address: string) => /^[a-z]+(\d{4})/.exec(address)?.[1] ?? '';

/** One provider's MX: every case routed to it is told apart by its recipient (or, at MAIL, its sender). */
export function startScriptedServer(
  destination: Destination,
  cases: ReadonlyMap<string, LabCase>,
): Promise<Closable> {
  const server = new SMTPServer({
    name: destination.host,
    banner: 'ESMTP',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideENHANCEDSTATUSCODES: true,
    logger: false,
    onMailFrom(address, _session, callback) {
      const c = cases.get(caseIdOf(address.address));
      callback(c?.stage === 'MAIL' ? refusal(replyFor(c, address.address)) : undefined);
    },
    onRcptTo(address, session, callback) {
      const c = cases.get(caseIdOf(address.address));
      const sender = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
      callback(c?.stage === 'RCPT' ? refusal(replyFor(c, sender)) : undefined);
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        const rcpt = session.envelope.rcptTo[0]?.address ?? '';
        const c = cases.get(caseIdOf(rcpt));
        const sender = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        callback(c?.stage === 'DATA' ? refusal(replyFor(c, sender)) : null);
      });
    },
  });
  return listen(server, destination.ip);
}

/** The bounces: every message to the sender's domain, by the sender's local part it returns to. */
export function startCatcher(destination: Destination, received: Map<string, Buffer[]>): Promise<Closable> {
  const server = new SMTPServer({
    name: destination.host,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        for (const rcpt of session.envelope.rcptTo) {
          const local = rcpt.address.slice(0, rcpt.address.indexOf('@')).toLowerCase();
          received.set(local, [...(received.get(local) ?? []), raw]);
        }
        callback(null);
      });
    },
  });
  return listen(server, destination.ip);
}

function listen(server: SMTPServer, ip: string): Promise<Closable> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(25, ip, () => resolve({ close: () => new Promise((done) => server.close(() => done())) }));
  });
}

function formatReply(reply: ServerReply): string {
  return reply.lines
    .map((line, i) => `${reply.code}${i < reply.lines.length - 1 ? '-' : ' '}${line}\r\n`)
    .join('');
}

/**
 * A server that refuses in the greeting or in reply to EHLO/HELO. After a refusing greeting it answers
 * every command but QUIT with 503, as RFC 5321 (3.1) asks of a server that will not serve.
 */
export function startEarlyRefusal(c: LabCase): Promise<Closable> {
  const reply = formatReply(replyFor(c, ''));
  return listenRaw(c.destination.ip, (socket) => {
    socket.write(c.stage === 'CONN' ? reply : `220 ${c.destination.host} ESMTP\r\n`);
    if (c.stage === 'CONN' && reply.startsWith('421')) {
      socket.end();
      return;
    }
    onLines(socket, (line) => {
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'QUIT') socket.end('221 2.0.0 Bye\r\n');
      else if (c.stage === 'HELO' && (verb === 'EHLO' || verb === 'HELO')) socket.write(reply);
      else socket.write('503 5.5.1 Bad sequence of commands\r\n');
    });
  });
}

/** A server that accepts the connection and never says a word: the MTA times out waiting for the greeting. */
export function startSilentServer(ip: string): Promise<Closable> {
  return listenRaw(ip, (socket) => socket.on('data', () => undefined));
}

function onLines(socket: Socket, handle: (line: string) => void): void {
  let pending = '';
  socket.on('data', (chunk: Buffer) => {
    pending += chunk.toString('latin1');
    let end = pending.indexOf('\n');
    while (end !== -1) {
      handle(pending.slice(0, end).replace(/\r$/, ''));
      pending = pending.slice(end + 1);
      end = pending.indexOf('\n');
    }
  });
}

function listenRaw(ip: string, onConnection: (socket: Socket) => void): Promise<Closable> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(25, ip, () =>
      resolve({
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}
