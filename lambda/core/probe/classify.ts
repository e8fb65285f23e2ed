// Decides a probe's outcome, kind and severity from what the adapter observed. Pure: the clock is passed.

import { advertisedAuthMechanisms, parseReply, type SmtpReply } from '../smtp/replies.ts';
import { afterLoginOutcome, protocolError } from './classify-after-login.ts';
import {
  AUTH_REPLY_RULES,
  CERTIFICATE_ERRORS,
  CONNECT_REFUSED,
  CONNECT_UNREACHABLE,
  DNS_NOT_FOUND,
} from './failure-tables.ts';
import {
  type Found,
  type Outcome,
  type OutcomeVariant,
  type ProbeFailure,
  type ProbeObservation,
  type ProbeThresholds,
  REPLY_PHASES,
  type ReplyPhase,
  type Severity,
  type Verdict,
} from './types.ts';

/** How bad each outcome is when nothing about the particular failure says otherwise. */
const BASE_SEVERITY: Readonly<Record<Outcome, Severity>> = {
  ok: 'ok',
  'auth-failed': 'failure',
  'auth-unavailable': 'failure',
  'dns-failed': 'failure',
  'connection-refused': 'failure',
  'connect-timeout': 'transient',
  'reply-timeout': 'transient',
  'greeting-rejected': 'failure',
  'starttls-unavailable': 'failure',
  'tls-failed': 'failure',
  'certificate-expiring': 'warning',
  slow: 'warning',
  'sender-refused': 'failure',
  'recipient-refused': 'failure',
  'relay-unavailable': 'transient',
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
    return { outcome: 'auth-unavailable', variant: unavailableVariant(observation), severity: 'failure' };
  }
  const daysLeft = figures.certificateDaysLeft;
  if (daysLeft !== undefined && daysLeft <= thresholds.certificateWarnDays) {
    return { outcome: 'certificate-expiring', severity: 'warning' };
  }
  if (figures.totalMs > thresholds.slowMs) return { outcome: 'slow', severity: 'warning' };
  return { outcome: 'ok', severity: figures.hasConfigWarnings ? 'warning' : 'ok' };
}

function unavailableVariant(observation: ProbeObservation): OutcomeVariant<'auth-unavailable'> {
  const offered = advertisedAuthMechanisms(observation.ehlo);
  // Servers that take logins only over TLS (Dovecot's disable_plaintext_auth, Postfix's
  // smtpd_tls_auth_only) offer no mechanism before STARTTLS, which security none never sends.
  const offersStarttls = /^\d{3}[ -]STARTTLS\b/im.test(observation.ehlo ?? '');
  if (observation.target.security === 'none' && offersStarttls) return 'needs-tls';
  return offered.length === 0 ? 'not-advertised' : 'no-common-mechanism';
}

function classifyFailure(observation: ProbeObservation, failure: ProbeFailure, nowMs: number): Verdict {
  const reply = parseReply(failure.response);
  const found = outcomeOfFailure(observation, failure, reply, nowMs);
  return { ...found, severity: severityOf(found, failure, reply) };
}

function outcomeOfFailure(
  observation: ProbeObservation,
  failure: ProbeFailure,
  reply: SmtpReply | undefined,
  nowMs: number,
): Found {
  if (failure.code === 'ETIMEDOUT' && isReplyPhase(failure.phase)) {
    return { outcome: 'reply-timeout', variant: failure.phase };
  }
  switch (failure.phase) {
    case 'dns':
      return { outcome: 'dns-failed', variant: DNS_NOT_FOUND.has(failure.code) ? 'not-found' : 'temporary' };
    case 'connect':
      if (CONNECT_REFUSED.has(failure.code)) return { outcome: 'connection-refused' };
      if (CONNECT_UNREACHABLE.has(failure.code)) {
        return { outcome: 'connect-timeout', variant: observation.target.port === 25 ? 'port-25' : 'tcp' };
      }
      return protocolError(failure, reply);
    case 'greeting':
      if (failure.code === 'ETIMEDOUT') return { outcome: 'connect-timeout', variant: 'no-greeting' };
      return refusedOnArrival(failure, reply);
    case 'ehlo':
      // A busy server turns clients away at EHLO as well as at the greeting (large providers do).
      return refusedOnArrival(failure, reply);
    case 'tls':
    case 'starttls':
      return tlsOutcome(observation, failure, reply, nowMs);
    case 'auth':
      if (!reply) return protocolError(failure, reply);
      return { outcome: 'auth-failed', variant: authVariant(reply) };
    default:
      return afterLoginOutcome(failure, reply);
  }
}

function isReplyPhase(phase: string): phase is ReplyPhase {
  return (REPLY_PHASES as readonly string[]).includes(phase);
}

function refusedOnArrival(failure: ProbeFailure, reply: SmtpReply | undefined): Found {
  if (reply && reply.replyCode >= 400) {
    return { outcome: 'greeting-rejected', variant: reply.replyCode < 500 ? 'temporary' : 'permanent' };
  }
  return protocolError(failure, reply);
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
  if (failure.phase === 'starttls' && reply && reply.replyCode >= 400)
    return { outcome: 'starttls-unavailable' };
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

function authVariant(reply: SmtpReply): OutcomeVariant<'auth-failed'> {
  if (reply.replyCode >= 400 && reply.replyCode < 500) return 'temporary';
  const rule = AUTH_REPLY_RULES.find(
    (r) =>
      (r.replyCode === undefined || r.replyCode === reply.replyCode) &&
      (r.enhancedCode === undefined || r.enhancedCode === reply.enhancedCode) &&
      (r.words === undefined || r.words.test(reply.text)),
  );
  return rule?.variant ?? 'other';
}

/**
 * A 4xx reply or a time-out is transient; a port-25 time-out never passes from AWS, so it is not; a
 * server that took the login and the envelope but did not answer QUIT would still have taken the mail.
 */
function severityOf(found: Found, failure: ProbeFailure, reply: SmtpReply | undefined): Severity {
  if (found.variant === 'port-25') return 'failure';
  if (found.outcome === 'reply-timeout' && found.variant === 'quit') return 'warning';
  if (reply && reply.replyCode >= 400 && reply.replyCode < 500) return 'transient';
  if (failure.code === 'ETIMEDOUT' || found.variant === 'temporary') return 'transient';
  return BASE_SEVERITY[found.outcome];
}
