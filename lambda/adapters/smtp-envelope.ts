// MAIL FROM and RCPT TO on nodemailer's SMTPConnection, for the probe's sender check.
//
// nodemailer cannot express this step: its only envelope API, send(), always goes on to DATA once a
// recipient is accepted (and pipelines DATA with the envelope when the server offers PIPELINING), and
// the sender check must never send DATA. So the two commands are queued on SMTPConnection's own
// command channel — the `_sendCommand` / `_responseActions` pair its public reset() and quit() are
// built on — and everything else stays nodemailer's: the socket and TLS, reading (multi-line) replies,
// the 421 handling, the time-outs and the 'error' event.
import type SMTPConnection from 'nodemailer/lib/smtp-connection';

interface CommandChannel {
  _sendCommand(line: string): void;
  _responseActions: Array<(reply: string) => void>;
}

/** Sends one envelope command and resolves with the server's reply (any code) as nodemailer read it. */
export function envelopeCommand(connection: SMTPConnection, line: string): Promise<string> {
  const channel = connection as unknown as Partial<CommandChannel>;
  if (typeof channel._sendCommand !== 'function' || !Array.isArray(channel._responseActions)) {
    // A nodemailer release that reshaped its internals: fail loudly rather than hang.
    throw new Error('nodemailer SMTPConnection has no command channel (_sendCommand/_responseActions)');
  }
  const { _responseActions: actions } = channel;
  return new Promise((resolve) => {
    actions.push(resolve);
    channel._sendCommand?.(line);
  });
}
