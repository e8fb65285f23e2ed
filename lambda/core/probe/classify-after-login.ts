// The outcome of a session that broke off after the login: the sender check's MAIL FROM and RCPT TO,
// RSET, QUIT; and the protocol errors any phase may end in.

import type { SmtpReply } from '../smtp/replies.ts';
import { RELAY_DENIED, SENDER_REPLY_RULES } from './failure-tables.ts';
import type { Found, OutcomeVariant, ProbeFailure } from './types.ts';

export function afterLoginOutcome(failure: ProbeFailure, reply: SmtpReply | undefined): Found {
  if (!reply || reply.replyCode < 400) return protocolError(failure, reply);
  switch (failure.phase) {
    case 'mail':
      return senderRefusal(reply) ?? temporaryOr(reply, { outcome: 'sender-refused', variant: 'other' });
    case 'rcpt':
      return senderRefusal(reply) ?? temporaryOr(reply, recipientRefusal(reply));
    default:
      // A 421 to RSET or QUIT: the session is over before a message could go (a submission server
      // that cannot reach its relay says so here when nothing asked it earlier).
      return temporaryOr(reply, protocolError(failure, reply));
  }
}

/** A refusal that names the sender (at RCPT TO nothing else makes it one), or undefined. */
function senderRefusal(reply: SmtpReply): Found | undefined {
  const rule = SENDER_REPLY_RULES.find(
    (r) => (r.enhancedCode?.test(reply.enhancedCode ?? '') ?? false) || (r.words?.test(reply.text) ?? false),
  );
  return rule ? { outcome: 'sender-refused', variant: rule.variant } : undefined;
}

function recipientRefusal(reply: SmtpReply): Found {
  const variant: OutcomeVariant<'recipient-refused'> = RELAY_DENIED.test(reply.text)
    ? 'relay-denied'
    : 'other';
  return { outcome: 'recipient-refused', variant };
}

/** A 4xx that names no cause: the server cannot take mail just now. */
function temporaryOr(reply: SmtpReply, permanent: Found): Found {
  return reply.replyCode < 500 ? { outcome: 'relay-unavailable' } : permanent;
}

/** The server spoke something other than SMTP, spoke out of turn, or hung up without a word. */
export function protocolError(failure: ProbeFailure, reply: SmtpReply | undefined): Found {
  let variant: OutcomeVariant<'protocol-error'> = 'other';
  if (failure.response && !reply) variant = 'not-smtp';
  else if (reply) variant = 'unexpected-reply';
  else if (CLOSED.has(failure.code) || CLOSED.has(failure.originalCode ?? '')) variant = 'closed';
  return { outcome: 'protocol-error', variant };
}

const CLOSED = new Set(['ECONNECTION', 'ECONNRESET', 'EPIPE']);
