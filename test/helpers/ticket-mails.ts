// Mails for the `mail` ticket system's tests: a Postfix DSN around any returned original with any server
// words, the SES event of a mail received for given addresses, and the ticket mails the stand-in SES
// received, parsed back as a helpdesk reads them.
import { type ParsedMail, simpleParser } from 'mailparser';
import type { FakeAws } from './fake-aws.ts';
import { sesEvent } from './ses-events.ts';
import { postfixBounceAround } from './synthetic.ts';

export interface DsnParts {
  /** The returned original: header lines, then (after an empty line) its body. */
  original: string;
  recipient?: string;
  /** The remote server's words. */
  words?: string;
}

export function dsnReturning({ original, recipient = 'hanako@docomo.ne.jp', words }: DsnParts): Buffer {
  const said = words ?? `550 5.1.1 <${recipient}>: Recipient address rejected: User unknown`;
  const returned = Buffer.from(original.replace(/\r?\n/g, '\r\n'));
  return postfixBounceAround(returned, { words: said, recipient, remoteMta: 'mx.docomo.ne.jp' });
}

/** The SES event of a mail SES received for `recipients` (the envelope: receipt and destination). */
export function sesEventTo(messageId: string, recipients: string[]) {
  const event = sesEvent(messageId) as ReturnType<typeof sesEvent> & {
    Records: { ses: { mail: Record<string, unknown>; receipt: Record<string, unknown> } }[];
  };
  const record = event.Records[0];
  if (!record) throw new Error('the event has no record');
  record.ses.receipt.recipients = recipients;
  record.ses.mail.destination = recipients;
  return event;
}

export interface SentMail {
  source: string;
  destinations: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

/** Every SendRawEmail the stand-in SES received (answered or failed), parsed; optionally for one bounce. */
export async function sentMails(aws: FakeAws, sesMessageId?: string): Promise<SentMail[]> {
  const sends = aws.calls.filter((call) => call.action === 'SES.SendRawEmail');
  const mails = await Promise.all(
    sends.map(async ({ params }) => {
      const raw = Buffer.from(params['RawMessage.Data'] ?? '', 'base64');
      const destinations = Object.entries(params)
        .filter(([key]) => key.startsWith('Destinations.member.'))
        .map(([, value]) => value);
      return { source: params.Source ?? '', destinations, raw, parsed: await simpleParser(raw) };
    }),
  );
  return sesMessageId === undefined
    ? mails
    : mails.filter((mail) => headerText(mail.parsed, 'x-bounce-doctor-ticket') === sesMessageId);
}

/** A header as mailparser gives it, as text ("" when absent). */
export function headerText(parsed: ParsedMail, name: string): string {
  const value = parsed.headers.get(name);
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'value' in value) return String(value.value);
  return String(value);
}

/** mailparser gives one reference as a string, several as an array. */
export function referencesOf(parsed: ParsedMail): string[] {
  return parsed.references === undefined ? [] : [parsed.references].flat();
}
