// One SMTP session over an open TCP socket with nodemailer's SMTPConnection: greeting, EHLO, STARTTLS or
// implicit TLS, AUTH, optionally the sender check (MAIL FROM, RCPT TO, RSET — never DATA), QUIT. It
// records what happened; it decides nothing (lambda/core/probe does).
import type { Socket } from 'node:net';
import { isIP } from 'node:net';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { Phase, ProbeEnvelope, ProbeFailure, ProbeTarget, TlsFacts } from '../core/probe/types.ts';
import { advertisedAuthMechanisms } from '../core/smtp/replies.ts';
import { SessionTimeline } from './session-timeline.ts';
import { envelopeCommand } from './smtp-envelope.ts';
import { tlsFacts } from './tls-facts.ts';

export interface SessionOptions {
  target: ProbeTarget;
  password: string;
  /** Budget for each step: the greeting, each reply, the TLS handshake. */
  timeoutMs: number;
  /** Extra certificate authorities to trust (PEM), replacing the system list, e.g. a company CA. */
  ca?: readonly string[];
  /** The name this client gives in EHLO; nodemailer's default (this machine's name) otherwise. */
  clientName?: string;
}

export interface SessionRecord {
  timeline: SessionTimeline;
  tls?: TlsFacts;
  authAttempted: boolean;
  authenticated: boolean;
  envelopeAccepted: boolean;
  failure?: ProbeFailure;
}

/** nodemailer's error shape: code, originalCode, response, command (see TOOLCHAIN.md). */
interface SmtpError extends Error {
  code?: string;
  originalCode?: string;
  response?: string;
  command?: string;
}

/** Setting the session up takes at most: greeting, EHLO, STARTTLS, the handshake (each one budget). */
const SETUP_STEPS = 4;

export async function runSmtpSession(socket: Socket, options: SessionOptions): Promise<SessionRecord> {
  const { target } = options;
  const timeline = new SessionTimeline();
  const record: SessionRecord = {
    timeline,
    authAttempted: false,
    authenticated: false,
    envelopeAccepted: false,
  };
  const connection = new SMTPConnection({
    connection: socket,
    host: target.host,
    port: target.port,
    secure: target.security === 'tls',
    requireTLS: target.security === 'starttls',
    ignoreTLS: target.security === 'none',
    ...(isIP(target.host) ? {} : { servername: target.host }),
    ...(options.clientName ? { name: options.clientName } : {}),
    // The certificate is checked below, before any credential is sent: verifying it ourselves is what
    // lets an expired or untrusted certificate be reported with its dates and names.
    tls: { rejectUnauthorized: false, ...(options.ca ? { ca: [...options.ca] } : {}) },
    // nodemailer bounds the whole set-up by connectionTimeout and each wait in it by greetingTimeout
    // (greeting, handshake) or socketTimeout (a reply): one budget per step, as documented.
    connectionTimeout: options.timeoutMs * SETUP_STEPS,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
    socketCloseTimeout: Math.min(options.timeoutMs, 2000),
    logger: timeline.logger(),
    transactionLog: true,
  });
  const session = new SessionEvents(connection);
  const fail = (error: SmtpError) => {
    timeline.finish();
    record.failure ??= failureOf(error, timeline);
  };

  timeline.begin(target.security === 'tls' ? 'tls' : 'greeting');
  const setupError = await session.race(
    new Promise<SmtpError | undefined>((resolve) =>
      connection.connect((error) => resolve(error ?? undefined)),
    ),
  );
  timeline.finish();
  if (setupError) {
    fail(setupError);
    await session.close();
    return record;
  }
  record.tls = tlsFacts(connection);
  record.failure = refuseToAuthenticate(record.tls, options);
  if (!record.failure && advertisedAuthMechanisms(timeline.ehlo).includes(target.authMethod.toUpperCase())) {
    record.authAttempted = true;
    timeline.begin('auth');
    const authError = await session.race(login(connection, options));
    timeline.finish();
    if (authError) fail(authError);
    else record.authenticated = true;
  }
  if (record.authenticated && target.envelope) {
    await checkEnvelope(connection, session, timeline, record, target.envelope);
  }
  await quit(connection, session, timeline, record);
  return record;
}

/** MAIL FROM, RCPT TO, then RSET: the server's verdict on the sender without a message. */
async function checkEnvelope(
  connection: SMTPConnection,
  session: SessionEvents,
  timeline: SessionTimeline,
  record: SessionRecord,
  envelope: ProbeEnvelope,
): Promise<void> {
  const steps = [
    { phase: 'mail', command: 'MAIL FROM', line: `MAIL FROM:<${envelope.from}>` },
    { phase: 'rcpt', command: 'RCPT TO', line: `RCPT TO:<${envelope.to}>` },
  ] as const;
  let accepted = 0;
  for (const step of steps) {
    timeline.begin(step.phase);
    const answer = await session.race(envelopeCommand(connection, step.line));
    timeline.finish();
    if (typeof answer !== 'string') {
      record.failure ??= failureOf(answer, timeline);
      break;
    }
    if (!answer.startsWith('2')) {
      record.failure ??= replyFailure(step.phase, step.command, answer);
      break;
    }
    accepted++;
  }
  record.envelopeAccepted = accepted === steps.length;
  // RSET only when MAIL FROM opened a transaction and the server is still there (a 421 ends it).
  if (accepted === 0 || connection.destroyed) return;
  timeline.begin('rset');
  const resetError = await session.race(
    new Promise<SmtpError | undefined>((resolve) => connection.reset((error) => resolve(error ?? undefined))),
  );
  timeline.finish();
  if (resetError) record.failure ??= failureOf(resetError, timeline);
}

/** QUIT, and its answer: a 421 here (a submission server whose relay is down) is reported. */
async function quit(
  connection: SMTPConnection,
  session: SessionEvents,
  timeline: SessionTimeline,
  record: SessionRecord,
): Promise<void> {
  if (connection.stage !== 'connected' || connection.destroyed) {
    await session.close();
    return;
  }
  timeline.begin('quit');
  connection.quit();
  const error = await session.race(session.closed.then(() => undefined));
  timeline.finish();
  if (error) record.failure ??= failureOf(error, timeline);
  else if (timeline.quitReply && /^[45]/.test(timeline.quitReply)) {
    record.failure ??= replyFailure('quit', 'QUIT', timeline.quitReply);
  }
  await session.close();
}

/** The connection's one error (nodemailer closes after it) and its end, as promises. */
class SessionEvents {
  readonly closed: Promise<void>;
  private readonly errored: Promise<SmtpError>;

  constructor(private readonly connection: SMTPConnection) {
    this.closed = new Promise((resolve) => connection.once('end', () => resolve()));
    this.errored = new Promise((resolve) => connection.on('error', (error: SmtpError) => resolve(error)));
  }

  /** A step's own result, or the connection's error if that comes first. */
  race<T>(step: Promise<T>): Promise<T | SmtpError> {
    return Promise.race([step, this.errored]);
  }

  /** Closes the socket if it is still open, and waits (bounded by socketCloseTimeout) for the end. */
  async close(): Promise<void> {
    if (!this.connection.destroyed) this.connection.close();
    await this.closed;
  }
}

/** No TLS where it was asked for, or a certificate that did not check out: no password is sent. */
function refuseToAuthenticate(tls: TlsFacts | undefined, options: SessionOptions): ProbeFailure | undefined {
  if (options.target.security === 'none') return undefined;
  const phase: Phase = options.target.security === 'tls' ? 'tls' : 'starttls';
  if (!tls) return { phase, code: 'ENOTLS', message: 'the session is not encrypted' };
  if (tls.authorized) return undefined;
  return {
    phase,
    code: 'ECERT',
    originalCode: tls.authorizationError ?? 'UNKNOWN',
    message: `certificate not accepted: ${tls.authorizationError ?? 'unknown reason'}`,
  };
}

function login(connection: SMTPConnection, options: SessionOptions): Promise<SmtpError | undefined> {
  return new Promise((resolve) =>
    connection.login(
      { user: options.target.user, pass: options.password, method: options.target.authMethod.toUpperCase() },
      (error) => resolve(error ?? undefined),
    ),
  );
}

function replyFailure(phase: Phase, command: string, response: string): ProbeFailure {
  const code = phase === 'mail' || phase === 'rcpt' ? 'EENVELOPE' : 'EPROTOCOL';
  return { phase, code, message: `${command} refused`, response, command };
}

/**
 * An error where it happened: the phase running (or last run), and for a time-out or a dropped
 * connection — which nodemailer files under its pseudo-command CONN — the command that went unanswered.
 */
function failureOf(error: SmtpError, timeline: SessionTimeline): ProbeFailure {
  const phase = timeline.phase ?? 'greeting';
  const waitingOn = phase === 'greeting' || phase === 'tls' ? undefined : timeline.lastCommand;
  const command = error.command === 'CONN' && waitingOn ? waitingOn : error.command;
  return {
    phase,
    code: error.code ?? 'EUNKNOWN',
    ...(error.originalCode ? { originalCode: error.originalCode } : {}),
    message: error.message,
    ...(error.response ? { response: error.response } : {}),
    ...(command ? { command } : {}),
  };
}
