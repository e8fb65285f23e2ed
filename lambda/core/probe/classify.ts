// Decides a probe's outcome, kind and severity from what the adapter observed. Pure: the clock is passed.
import {
  AUTH_REPLY_RULES,
  CERTIFICATE_ERRORS,
  CONNECT_REFUSED,
  CONNECT_UNREACHABLE,
  DNS_NOT_FOUND,
} from './failure-tables.ts';
import { advertisedAuthMechanisms, parseReply, type SmtpReply } from './smtp-replies.ts';
import type {
  AnyVariant,
  Outcome,
  OutcomeVariant,
  ProbeFailure,
  ProbeObservation,
  ProbeThresholds,
  Severity,
} from './types.ts';

export interface Verdict {
  outcome: Outcome;
  variant?: AnyVariant;
  severity: Severity;
}

/** How bad each outcome is when nothing about the particular failure says otherwise. */
const BASE_SEVERITY: Readonly<Record<Outcome, Severity>> = {
  ok: 'ok',
  'auth-failed': 'failure',
  'auth-unavailable': 'failure',
  'dns-failed': 'failure',
  'connection-refused': 'failure',
  'connect-timeout': 'transient',
  'greeting-rejected': 'failure',
  'starttls-unavailable': 'failure',
  'tls-failed': 'failure',
  'certificate-expiring': 'warning',
  slow: 'warning',
  'protocol-error': 'failure',
};

export interface SessionFigures {
  nowMs: number;
  totalMs: number;
  certificateDaysLeft?: number;
  hasConfigWarnings: boolean;
}

export function classifyObservation(
  observation: ProbeObservation,
  thresholds: ProbeThresholds,
  figures: SessionFigures,
): Verdict {
  if (observation.failure) return classifyFailure(observation, observation.failure, figures.nowMs);
  if (!observation.authenticated) {
    // Never OK without logging in: a server that offers no usable AUTH is a failure to report.
    const offered = advertisedAuthMechanisms(observation.ehlo);
    const variant = offered.length === 0 ? 'not-advertised' : 'no-common-mechanism';
    return { outcome: 'auth-unavailable', variant, severity: 'failure' };
  }
  const daysLeft = figures.certificateDaysLeft;
  if (daysLeft !== undefined && daysLeft <= thresholds.certificateWarnDays) {
    return { outcome: 'certificate-expiring', severity: 'warning' };
  }
  if (figures.totalMs > thresholds.slowMs) return { outcome: 'slow', severity: 'warning' };
  return { outcome: 'ok', severity: figures.hasConfigWarnings ? 'warning' : 'ok' };
}

function classifyFailure(observation: ProbeObservation, failure: ProbeFailure, nowMs: number): Verdict {
  const reply = parseReply(failure.response);
  const found = outcomeOfFailure(observation, failure, reply, nowMs);
  return { ...found, severity: severityOf(found, failure, reply) };
}

type Found = Omit<Verdict, 'severity'>;

function outcomeOfFailure(
  observation: ProbeObservation,
  failure: ProbeFailure,
  reply: SmtpReply | undefined,
  nowMs: number,
): Found {
  switch (failure.phase) {
    case 'dns':
      return { outcome: 'dns-failed', variant: DNS_NOT_FOUND.has(failure.code) ? 'not-found' : 'temporary' };
    case 'connect':
      if (CONNECT_REFUSED.has(failure.code)) return { outcome: 'connection-refused' };
      if (CONNECT_UNREACHABLE.has(failure.code)) {
        return { outcome: 'connect-timeout', variant: observation.target.port === 25 ? 'port-25' : 'tcp' };
      }
      return { outcome: 'protocol-error' };
    case 'greeting':
      if (reply && reply.code >= 400) {
        return { outcome: 'greeting-rejected', variant: reply.code < 500 ? 'temporary' : 'permanent' };
      }
      if (failure.code === 'ETIMEDOUT') return { outcome: 'connect-timeout', variant: 'no-greeting' };
      return { outcome: 'protocol-error' };
    case 'tls':
    case 'starttls':
      return tlsOutcome(observation, failure, reply, nowMs);
    case 'auth':
      return { outcome: 'auth-failed', variant: authVariant(reply) };
    default:
      return { outcome: 'protocol-error' };
  }
}

function tlsOutcome(
  observation: ProbeObservation,
  failure: ProbeFailure,
  reply: SmtpReply | undefined,
  nowMs: number,
): Found {
  const certificate = certificateVariant(observation, failure, nowMs);
  if (certificate) return { outcome: 'tls-failed', variant: certificate };
  // A reply to STARTTLS other than 220 means the server would not switch to TLS at all.
  if (failure.phase === 'starttls' && reply && reply.code >= 400) return { outcome: 'starttls-unavailable' };
  return { outcome: 'tls-failed', variant: 'handshake' };
}

function certificateVariant(
  observation: ProbeObservation,
  failure: ProbeFailure,
  nowMs: number,
): OutcomeVariant<'tls-failed'> | undefined {
  const named = CERTIFICATE_ERRORS[failure.originalCode ?? ''] ?? CERTIFICATE_ERRORS[failure.code];
  if (!named && failure.code !== 'ECERT') return undefined;
  // The dates speak first: an expired self-signed certificate is reported as expired.
  const certificate = observation.tls?.certificate;
  if (certificate && Date.parse(certificate.validTo) < nowMs) return 'expired';
  if (certificate && Date.parse(certificate.validFrom) > nowMs) return 'not-yet-valid';
  return named ?? 'untrusted';
}

function authVariant(reply: SmtpReply | undefined): OutcomeVariant<'auth-failed'> {
  if (!reply) return 'other';
  if (reply.code >= 400 && reply.code < 500) return 'temporary';
  const rule = AUTH_REPLY_RULES.find(
    (r) =>
      (r.code === undefined || r.code === reply.code) &&
      (r.enhancedCode === undefined || r.enhancedCode === reply.enhancedCode) &&
      (r.words === undefined || r.words.test(reply.text)),
  );
  return rule?.variant ?? 'other';
}

/** A 4xx reply or a time-out is transient; a port-25 time-out never passes from AWS, so it is not. */
function severityOf(found: Found, failure: ProbeFailure, reply: SmtpReply | undefined): Severity {
  if (found.variant === 'port-25') return 'failure';
  if (reply && reply.code >= 400 && reply.code < 500) return 'transient';
  if (failure.code === 'ETIMEDOUT' || found.variant === 'temporary') return 'transient';
  return BASE_SEVERITY[found.outcome];
}
