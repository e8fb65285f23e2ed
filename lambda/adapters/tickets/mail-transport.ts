// How a ticket mail (systems/mail.ts) is sent: composed by nodemailer's MailComposer and sent raw through
// SES (SendRawEmail); `npm start` writes it to a folder instead (local-mail-folder.ts).
import { type SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { TicketMail } from '../../core/ticketing/ticket-mail.ts';
import { TicketApiError } from './errors.ts';

/** Where composed mail goes: SES in AWS, a folder in a local run. */
export interface MailTransport {
  /** Sends one mail; resolves to the transport's id for it (SES's message id, the file's path). */
  send(raw: Buffer, mail: TicketMail): Promise<string>;
}

/** SES refused or failed the send; `code` is SES's error name (e.g. MessageRejected). */
export class TicketMailError extends TicketApiError {
  override readonly name: string = 'TicketMailError';
  readonly code: string;

  constructor(code: string, message: string, options: { attempts: number; cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** The mail as RFC 5322 bytes: multipart/alternative, plain text then HTML, CRLF line ends. */
export function composeTicketMail(mail: TicketMail, date: Date): Promise<Buffer> {
  return new MailComposer({
    from: { name: 'bounce-doctor', address: mail.from },
    to: mail.to,
    subject: mail.subject,
    messageId: mail.messageId,
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    ...(mail.references.length > 0 ? { references: mail.references } : {}),
    date,
    headers: { ...mail.headers },
    text: mail.text,
    html: mail.html,
    newline: 'windows',
    // The content is ours, in strings; nothing may make the composer read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  })
    .compile()
    .build();
}

/**
 * SendRawEmail with the envelope named (Source, Destinations), so that the role's IAM conditions on
 * ses:FromAddress and ses:Recipients apply. The SDK retries throttling and 5xx itself (maxAttempts).
 */
export function sesMailTransport(ses: SESClient): MailTransport {
  return {
    async send(raw, mail) {
      try {
        const answer = await ses.send(
          new SendRawEmailCommand({ Source: mail.from, Destinations: [mail.to], RawMessage: { Data: raw } }),
        );
        return answer.MessageId ?? '';
      } catch (error) {
        throw sesError(error, mail);
      }
    },
  };
}

function sesError(error: unknown, mail: TicketMail): TicketMailError {
  const code = (error as { name?: string }).name ?? 'Error';
  const attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
  const detail = (error as Error).message ?? String(error);
  const hint =
    code === 'MessageRejected' || code === 'MailFromDomainNotVerifiedException'
      ? `: is ${mail.from} (or its domain) a verified SES identity, out of the sandbox or with ${mail.to} verified too?`
      : code === 'AccessDenied' || code === 'AccessDeniedException'
        ? `: the role may send only as ${mail.from} to ${mail.to} (TICKET_MAIL_FROM, TICKET_MAIL_TO)`
        : '';
  return new TicketMailError(code, `SES did not send the ticket mail (${code}: ${detail})${hint}`, {
    attempts,
    cause: error,
  });
}
