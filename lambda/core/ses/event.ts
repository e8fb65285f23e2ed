// The event of an SES receipt rule's Lambda action (Event invocation): it names the stored mail but
// carries no body. Validated and read once, here, into the mail the bounce flow handles (replays and
// local runs make that mail themselves, from a stored object or a file).
import { SAFE_MESSAGE_ID } from '../links/link-token.ts';
import { SesEventError } from './errors.ts';
import { isVerdictStatus, type SesVerdicts, VERDICT_NAMES, type VerdictName } from './verdicts.ts';

export interface SesMail {
  /** SES's message id: the object key under the incoming prefix, and the idempotency key (handleMail's). */
  messageId: string;
  /** When SES received the mail (ISO 8601), when the event says. */
  receivedAt?: string;
  verdicts: SesVerdicts;
  /** The envelope recipients (the receipt rule's, then the mail's destination); absent in replays. */
  recipients?: string[];
}

/** The receipt's field for each verdict. */
export const VERDICT_FIELDS: Readonly<Record<VerdictName, string>> = {
  spam: 'spamVerdict',
  virus: 'virusVerdict',
  spf: 'spfVerdict',
  dkim: 'dkimVerdict',
  dmarc: 'dmarcVerdict',
};

export function parseSesEvent(event: unknown): SesMail {
  const records = field(event, 'Records');
  if (!Array.isArray(records) || records.length === 0)
    throw new SesEventError('Records', 'is missing or empty');
  if (records.length > 1)
    throw new SesEventError('Records', `holds ${records.length} records; SES sends one`);
  const [record] = records as unknown[];
  const source = field(record, 'eventSource');
  if (source !== 'aws:ses')
    throw new SesEventError('Records[0].eventSource', `is "${String(source)}", not "aws:ses"`);
  const ses = field(record, 'ses');
  const mail = field(ses, 'mail');
  const messageId = field(mail, 'messageId');
  if (typeof messageId !== 'string' || !SAFE_MESSAGE_ID.test(messageId)) {
    throw new SesEventError(
      'Records[0].ses.mail.messageId',
      `is not a message id: ${JSON.stringify(messageId)}`,
    );
  }
  const timestamp = field(mail, 'timestamp');
  const recipients = [
    ...new Set([
      ...strings(field(field(ses, 'receipt'), 'recipients')),
      ...strings(field(mail, 'destination')),
    ]),
  ];
  return {
    messageId,
    ...(typeof timestamp === 'string' && timestamp ? { receivedAt: timestamp } : {}),
    verdicts: verdictsOf(field(ses, 'receipt')),
    ...(recipients.length > 0 ? { recipients } : {}),
  };
}

function verdictsOf(receipt: unknown): SesVerdicts {
  const verdicts: SesVerdicts = {};
  for (const name of VERDICT_NAMES) {
    const status = field(field(receipt, VERDICT_FIELDS[name]), 'status');
    if (isVerdictStatus(status)) verdicts[name] = status;
  }
  return verdicts;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/** SES receives mail of at most 40 MB; anything larger in the bucket is not SES's and is refused. */
export const MAX_MAIL_BYTES = 40 * 1024 * 1024;
