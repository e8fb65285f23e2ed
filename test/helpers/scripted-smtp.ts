// A TCP server on loopback that plays a scripted dialogue: a first line (an SMTP greeting, another
// service's banner, or nothing), then one answer per command line — or silence, for the time-outs that
// real servers produce (a stuck filter after EHLO, a login answered late, a relay check that hangs).
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import type { Running } from './smtp-servers.ts';

/** The reply to one command line (CRLF added), or null to say nothing at all. */
export type Answer = (command: string) => string | null;

export const EHLO_REPLY = '250-localhost\r\n250-PIPELINING\r\n250 AUTH PLAIN LOGIN';

/** Plain SMTP that accepts anything; `answers` override it by command verb (EHLO, AUTH, MAIL, RCPT, RSET, QUIT). */
export function smtpScript(answers: Readonly<Record<string, string | null>> = {}): Answer {
  const defaults: Record<string, string> = {
    EHLO: EHLO_REPLY,
    HELO: '250 localhost',
    AUTH: '235 2.7.0 Authentication successful',
    MAIL: '250 2.1.0 Ok',
    RCPT: '250 2.1.5 Ok',
    RSET: '250 2.0.0 Ok',
    QUIT: '221 2.0.0 Bye',
  };
  return (command) => {
    const verb = command.split(' ', 1)[0]?.toUpperCase() ?? '';
    if (verb in answers) return answers[verb] ?? null;
    return defaults[verb] ?? '502 5.5.2 Error: command not recognized';
  };
}

export async function startScripted(
  firstLine: string | null,
  answer: Answer,
): Promise<Running & { commands: string[] }> {
  const sockets = new Set<Socket>();
  const commands: string[] = [];
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    if (firstLine !== null) socket.write(`${firstLine}\r\n`);
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      let end = buffered.indexOf('\r\n');
      while (end >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        commands.push(line);
        const reply = answer(line);
        if (reply !== null) socket.write(`${reply}\r\n`);
        if (reply?.startsWith('221') || reply?.startsWith('421')) socket.end();
        end = buffered.indexOf('\r\n');
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    port,
    commands,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A relay that answers as Postfix with smtpd_sender_login_maps and reject_sender_login_mismatch does:
 * a sender not among `owned` is refused at RCPT TO (smtpd_delay_reject), with Postfix's words.
 */
export function startPostfixLikeRelay(owned: readonly string[], login: string) {
  let sender = '';
  return startScripted('220 relay.localhost ESMTP Postfix', (command) => {
    const verb = command.split(' ', 1)[0]?.toUpperCase() ?? '';
    switch (verb) {
      case 'EHLO':
        return '250-relay.localhost\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 ENHANCEDSTATUSCODES';
      case 'MAIL':
        sender = /<([^>]*)>/.exec(command)?.[1] ?? '';
        return '250 2.1.0 Ok';
      case 'RCPT':
        return owned.includes(sender.toLowerCase())
          ? '250 2.1.5 Ok'
          : `553 5.7.1 <${sender}>: Sender address rejected: not owned by user ${login}`;
      default:
        return smtpScript()(command);
    }
  });
}
