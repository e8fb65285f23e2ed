// Amazon SES (sending): DSNs from MAILER-DAEMON@...amazonses.com, and SES event notifications (JSON
// mailed through SNS) for bounces, complaints and deliveries:
// https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html
import { recipientsFromDsn } from '../../dsn/recipients.ts';
import type { MailView } from '../../mail/read-mail.ts';
import { findSmtpReplyCode, findStatus } from '../../smtp/codes.ts';
import { MATCH_LIMIT } from '../../text.ts';
import type { Reason } from '../../types.ts';
import { preferInnerReply } from '../amazon-words.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const SES_HOST = /@[\w.-]*amazonses\.com>?\s*$/i;
/** SES's own words when it did not even try: the address is on a suppression list. */
const SUPPRESSED =
  /\bon the (?:account-level )?suppression list\b|\bhas suppressed sending to this address\b/i;
const SES_REPORTING_MTA = /^Reporting-MTA:\s*dsn;\s*[\w.-]+\.smtp-out\.(?:[\w-]+\.)?amazonses\.com/im;

export const amazonses: BounceParser = {
  id: 'amazonses',
  parse(mail: MailView): ParsedBounce | null {
    const h = mail.headers;
    if (looksLikeSesNotification(mail.text)) return readSesNotification(mail.text);
    const fromSes =
      SES_HOST.test(h.get('from').slice(0, 512)) || SES_HOST.test(h.get('message-id').slice(0, 512));
    if (!fromSes && !mail.deliveryStatus.some((part) => SES_REPORTING_MTA.test(part))) return null;
    const recipients = recipientsFromDsn(mail);
    if (recipients.length === 0) return null;
    for (const r of recipients) {
      preferInnerReply(r);
      if (SUPPRESSED.test(r.diagnosticCode ?? '')) r.reason = 'suppressed';
    }
    return { recipients };
  },
};

// SES event notifications (Bounce, Complaint, Delivery) as JSON, delivered by mail through SNS.

/** The largest notification read: SES caps the headers it includes, so real ones are far smaller. */
const JSON_LIMIT = MATCH_LIMIT * 16;

/** bounceSubType values that name the reason (the others, "General", "Undetermined", do not). */
const SUBTYPE_REASONS: Readonly<Record<string, Reason>> = {
  Suppressed: 'suppressed',
  OnAccountSuppressionList: 'suppressed',
  MailboxFull: 'mailboxfull',
  MessageTooLarge: 'mesgtoobig',
  ContentRejected: 'contenterror',
};

type Json = Record<string, unknown>;

/** True when a notice looks like an SES notification (cheap; before any JSON is parsed). */
function looksLikeSesNotification(text: string): boolean {
  const head = text.slice(0, 4096);
  return /^\s*\{/.test(head) && head.includes('notificationType');
}

/** Reads a notification; null when the JSON is broken or of a type that is not about delivery. */
function readSesNotification(text: string): ParsedBounce | null {
  const event = notificationOf(text);
  if (!event) return null;
  const mail = objectOf(event.mail);
  const original = originalHeaders(mail);
  const withOriginal = (parsed: ParsedBounce): ParsedBounce =>
    original ? { ...parsed, quotedOriginal: original } : parsed;
  switch (event.notificationType) {
    case 'Bounce':
      return withOriginal({ recipients: bounced(objectOf(event.bounce)) });
    case 'Complaint':
      return withOriginal({ kind: 'feedback', recipients: complained(objectOf(event.complaint)) });
    case 'Delivery':
      return withOriginal({ recipients: delivered(objectOf(event.delivery)) });
    default:
      return null;
  }
}

// The mail body holds the event itself, or the SNS envelope whose "Message" is the event as a string.
// Mail transports fold lines longer than 990 octets with "!" + newline + space: undo that first.
function notificationOf(text: string): Json | null {
  const body = text
    .slice(0, JSON_LIMIT)
    .split(/\n--\n/)[0]
    ?.replace(/!\n /g, '');
  const outer = parseObject(body ?? '');
  if (!outer) return null;
  if (typeof outer.Message === 'string') return parseObject(outer.Message);
  return outer;
}

function bounced(bounce: Json): ParsedRecipient[] {
  const reason = SUBTYPE_REASONS[String(bounce.bounceSubType ?? '')];
  const at = stringOf(bounce.timestamp);
  return arrayOf(bounce.bouncedRecipients).map((entry) => {
    const r = objectOf(entry);
    const diagnostic = stringOf(r.diagnosticCode).replace(/^smtp;\s*/i, '');
    const status = findStatus(stringOf(r.status)) || findStatus(diagnostic);
    return {
      address: stringOf(r.emailAddress).toLowerCase(),
      action: stringOf(r.action) || 'failed',
      status,
      replyCode: findSmtpReplyCode(diagnostic, status),
      diagnosticCode: diagnostic,
      remoteMta: stringOf(bounce.remoteMtaIp),
      command: '',
      ...(at ? { lastAttemptAt: at } : {}),
      ...(reason ? { reason } : {}),
    };
  });
}

function complained(complaint: Json): ParsedRecipient[] {
  const feedbackType = stringOf(complaint.complaintFeedbackType) || 'abuse';
  return arrayOf(complaint.complainedRecipients).map((entry) => ({
    address: stringOf(objectOf(entry).emailAddress).toLowerCase(),
    action: '',
    reason: 'feedback' as const,
    feedbackType,
  }));
}

function delivered(delivery: Json): ParsedRecipient[] {
  const response = stringOf(delivery.smtpResponse);
  const status = findStatus(response);
  const at = stringOf(delivery.timestamp);
  return arrayOf(delivery.recipients).map((address) => ({
    address: stringOf(address).toLowerCase(),
    action: 'delivered',
    status,
    replyCode: findSmtpReplyCode(response, status || '2'),
    diagnosticCode: response,
    remoteMta: stringOf(delivery.remoteMtaIp),
    command: '',
    ...(at ? { lastAttemptAt: at } : {}),
  }));
}

/** The original message's headers, as SES includes them, for the ticket's title. */
function originalHeaders(mail: Json): string {
  const lines = arrayOf(mail.headers)
    .map(objectOf)
    .map((h) => `${stringOf(h.name)}: ${stringOf(h.value).replace(/\r?\n/g, ' ')}`)
    .filter((line) => /^[\w-]+: /.test(line));
  const common = objectOf(mail.commonHeaders);
  for (const [name, key] of [
    ['Message-ID', 'messageId'],
    ['Date', 'date'],
    ['Subject', 'subject'],
  ] as const) {
    const value = stringOf(common[key]);
    const present = lines.some((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`));
    if (value && !present) lines.push(`${name}: ${value.replace(/\r?\n/g, ' ')}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function parseObject(text: string): Json | null {
  try {
    const value: unknown = JSON.parse(text.trim());
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
  } catch {
    return null;
  }
}

function objectOf(value: unknown): Json {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
