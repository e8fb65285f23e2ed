// The SMTP probe's connection: DNS lookup, TCP connect, then one SMTP session (see smtp-session.ts).
// No mail is sent (the sender check stops at RCPT TO). Returns an observation; lambda/core/probe/interpret.ts turns it into a result.
import { lookup as dnsLookup } from 'node:dns/promises';
import { connect, isIP, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { MAX_TIMEOUT_MS } from '../contracts/probe.ts';
import type { Phase, ProbeFailure, ProbeObservation, ProbeTarget } from '../core/probe/types.ts';
import { runSmtpSession } from './smtp-session.ts';

/** Resolves a host name to its addresses; rejects with a `code` (ENOTFOUND, EAI_AGAIN, …) on failure. */
export type HostLookup = (host: string) => Promise<string[]>;

export interface ProbeOptions {
  target: ProbeTarget;
  password: string;
  /** Budget for the DNS lookup, for the TCP connect, and for each step of the session (at most MAX_TIMEOUT_MS). */
  timeoutMs: number;
  /** Extra certificate authorities to trust (PEM), e.g. a company CA; replaces the system list. */
  ca?: readonly string[];
  /** Replaces the system resolver (tests, or a resolver of one's own). */
  lookup?: HostLookup;
  /** The name given in EHLO; by default this machine's name, as nodemailer gives it when sending. */
  clientName?: string;
}

const systemLookup: HostLookup = async (host) =>
  (await dnsLookup(host, { all: true })).map((entry) => entry.address);

/** Probes one SMTP server. Never throws for what the server or the network does: that is observed. */
export async function probeSmtp(options: ProbeOptions): Promise<ProbeObservation> {
  const { target } = options;
  if (!(options.timeoutMs > 0 && options.timeoutMs <= MAX_TIMEOUT_MS)) {
    // Node would turn a longer timer into 1 ms and every server would look unreachable.
    throw new RangeError(`timeoutMs must be from 1 to ${MAX_TIMEOUT_MS}, not ${options.timeoutMs}`);
  }
  const observation: ProbeObservation = {
    target,
    timeoutMs: options.timeoutMs,
    addresses: [],
    timings: {},
    authAttempted: false,
    authenticated: false,
    envelopeAccepted: false,
  };
  const timed = async <T>(phase: Phase, step: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await step();
    } finally {
      observation.timings[phase] = Math.round(performance.now() - started);
    }
  };

  try {
    observation.addresses = await timed('dns', () => resolve(target.host, options));
  } catch (error) {
    observation.failure = socketFailure('dns', error);
    return observation;
  }
  let socket: Socket;
  try {
    socket = await timed('connect', () =>
      connectFirst(observation.addresses, target.port, options.timeoutMs),
    );
  } catch (error) {
    observation.failure = socketFailure('connect', error);
    return observation;
  }
  const session = await runSmtpSession(socket, {
    target,
    password: options.password,
    timeoutMs: options.timeoutMs,
    ...(options.clientName ? { clientName: options.clientName } : {}),
    ...(options.ca ? { ca: options.ca } : {}),
  });
  Object.assign(observation.timings, session.timeline.timings);
  return {
    ...observation,
    ...(session.timeline.greeting ? { greeting: session.timeline.greeting } : {}),
    ...(session.timeline.ehlo ? { ehlo: session.timeline.ehlo } : {}),
    ...(session.tls ? { tls: session.tls } : {}),
    authAttempted: session.authAttempted,
    authenticated: session.authenticated,
    envelopeAccepted: session.envelopeAccepted,
    ...(session.failure ? { failure: session.failure } : {}),
  };
}

async function resolve(host: string, options: ProbeOptions): Promise<string[]> {
  if (isIP(host)) return [host];
  const addresses = await withTimeout(
    (options.lookup ?? systemLookup)(host),
    options.timeoutMs,
    'DNS lookup',
  );
  if (addresses.length === 0) throw Object.assign(new Error(`no address for ${host}`), { code: 'ENODATA' });
  return addresses;
}

/** Tries each address in turn within one budget; the last error tells why none answered. */
async function connectFirst(addresses: readonly string[], port: number, timeoutMs: number): Promise<Socket> {
  const deadline = performance.now() + timeoutMs;
  let lastError: unknown;
  for (const address of addresses) {
    const remaining = deadline - performance.now();
    if (remaining <= 0) break;
    try {
      return await connectTcp(address, port, remaining);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError ?? timeoutError('TCP connect', timeoutMs);
}

function connectTcp(host: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(timeoutError(`TCP connect to ${host}:${port}`, timeoutMs));
    }, timeoutMs);
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
  });
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError(what, timeoutMs)), timeoutMs);
  });
  return Promise.race([work, expiry]).finally(() => clearTimeout(timer));
}

function timeoutError(what: string, timeoutMs: number): Error {
  return Object.assign(new Error(`${what} timed out after ${timeoutMs} ms`), { code: 'ETIMEDOUT' });
}

function socketFailure(phase: Phase, error: unknown): ProbeFailure {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return {
    phase,
    code: typeof code === 'string' ? code : 'EUNKNOWN',
    message: typeof message === 'string' ? message : String(error),
  };
}
