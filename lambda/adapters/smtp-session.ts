// One SMTP session over an open TCP socket with nodemailer's SMTPConnection: greeting, EHLO, STARTTLS or
// implicit TLS, AUTH, QUIT. It records what happened; it decides nothing (lambda/core/probe does).
import type { Socket } from 'node:net';
import { isIP } from 'node:net';
import { TLSSocket } from 'node:tls';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { advertisedAuthMechanisms } from '../core/probe/smtp-replies.ts';
import type { CertificateFacts, Phase, ProbeFailure, ProbeTarget, TlsFacts } from '../core/probe/types.ts';
import { SessionTimeline } from './session-timeline.ts';

export interface SessionOptions {
  target: ProbeTarget;
  password: string;
  /** Budget for setting the session up (greeting, TLS) and for each reply after that. */
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
  failure?: ProbeFailure;
}

/** nodemailer's error shape: code, originalCode, response, command (see TOOLCHAIN.md). */
interface SmtpError extends Error {
  code?: string;
  originalCode?: string;
  response?: string;
  command?: string;
}

export async function runSmtpSession(socket: Socket, options: SessionOptions): Promise<SessionRecord> {
  const { target } = options;
  const timeline = new SessionTimeline();
  const record: SessionRecord = { timeline, authAttempted: false, authenticated: false };
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
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
    socketCloseTimeout: Math.min(options.timeoutMs, 2000),
    logger: timeline.logger(),
    transactionLog: true,
  });
  const closed = new Promise<void>((resolve) => connection.once('end', () => resolve()));
  let failed: (error: SmtpError) => void = () => {};
  const failure = new Promise<SmtpError>((resolve) => {
    failed = resolve;
  });
  connection.on('error', (error: SmtpError) => failed(error));

  timeline.begin(target.security === 'tls' ? 'tls' : 'greeting');
  const connected = new Promise<SmtpError | undefined>((resolve) =>
    connection.connect((error) => resolve(error ?? undefined)),
  );
  const setupError = await Promise.race([connected, failure]);
  if (setupError) {
    record.failure = failureOf(setupError, timeline.phase ?? 'greeting');
    await closeQuietly(connection, closed);
    return record;
  }
  timeline.finish();
  record.tls = tlsFacts(connection);
  const refusal = refuseToAuthenticate(record.tls, options);
  if (refusal) {
    record.failure = refusal;
  } else if (advertisedAuthMechanisms(timeline.ehlo).includes(target.authMethod.toUpperCase())) {
    record.authAttempted = true;
    timeline.begin('auth');
    const authError = await Promise.race([login(connection, options), failure]);
    timeline.finish();
    if (authError) record.failure = failureOf(authError, 'auth');
    else record.authenticated = true;
  }
  timeline.begin('quit');
  await closeQuietly(connection, closed);
  timeline.finish();
  return record;
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

/** QUIT when the session is up, then wait (bounded by socketCloseTimeout) for the socket to close. */
async function closeQuietly(connection: SMTPConnection, closed: Promise<void>): Promise<void> {
  if (connection.stage === 'connected' && !connection.destroyed) connection.quit();
  else connection.close();
  await closed;
}

function failureOf(error: SmtpError, phase: Phase): ProbeFailure {
  return {
    phase,
    code: error.code ?? 'EUNKNOWN',
    ...(error.originalCode ? { originalCode: error.originalCode } : {}),
    message: error.message,
    ...(error.response ? { response: error.response } : {}),
    ...(error.command ? { command: error.command } : {}),
  };
}

function tlsFacts(connection: SMTPConnection): TlsFacts | undefined {
  // `_socket` is SMTPConnection's documented-public socket: the TLS socket once TLS is up.
  const socket = connection._socket;
  if (!(socket instanceof TLSSocket)) return undefined;
  const cipher = socket.getCipher();
  const certificate = certificateFacts(socket);
  return {
    protocol: socket.getProtocol() ?? '',
    cipher: cipher.standardName ?? cipher.name,
    authorized: socket.authorized,
    ...(socket.authorizationError ? { authorizationError: String(socket.authorizationError) } : {}),
    ...(certificate ? { certificate } : {}),
  };
}

function certificateFacts(socket: TLSSocket): CertificateFacts | undefined {
  const cert = socket.getPeerCertificate();
  if (!cert || Object.keys(cert).length === 0) return undefined;
  return {
    subject: distinguishedName(cert.subject),
    issuer: distinguishedName(cert.issuer),
    subjectAltNames: (cert.subjectaltname ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== ''),
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: new Date(cert.valid_to).toISOString(),
    fingerprint256: cert.fingerprint256,
  };
}

function distinguishedName(
  name: Readonly<Record<string, string | string[] | undefined>> | undefined,
): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : value}`)
    .join(', ');
}
