// The decoder: raw bytes in, one typed report per message out. Pure; never throws on bad mail.

import { carrierOf } from './carriers.ts';
import { classifyRecipient, type Verdict } from './classify/classify.ts';
import { derivedStatus, hardBounceOf } from './classify/codes.ts';
import { headerBlockOf, MailHeaders, splitHeaderBlock } from './mail/headers.ts';
import { normalizeLineEndings, splitMailbox } from './mail/mailbox.ts';
import { messageIdsIn } from './mail/message-ids.ts';
import { type MailView, readMail } from './mail/read-mail.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from './mta/parser.ts';
import { PARSERS } from './mta/registry.ts';
import { cleanAddress } from './recipients/address.ts';
import { settleCodes } from './smtp/settle-codes.ts';
import {
  ACTIONS,
  type Action,
  type BounceReport,
  type MessageKind,
  type OriginalMessage,
  type RecipientResult,
} from './types.ts';

// The decoder does no I/O; the public functions stay asynchronous so that callers (Lambda, CLI,
// viewer) need not change if reading ever streams.

/** Decodes every message of a file (one message, or an mbox), in order. */
export async function decodeMailbox(raw: Uint8Array): Promise<BounceReport[]> {
  const messages = splitMailbox(normalizeLineEndings(raw));
  const reports: BounceReport[] = [];
  for (const message of messages) reports.push(decodeMessage(message));
  return reports.length > 0 ? reports : [emptyReport(['the input holds no message'])];
}

/** Decodes one message. A mail that is not a bounce is `not-bounce`; problems go to `warnings`. */
export async function decodeBounce(raw: Uint8Array): Promise<BounceReport> {
  return decodeMessage(normalizeLineEndings(raw));
}

function decodeMessage(message: Buffer): BounceReport {
  if (message.every((byte) => byte === 0x0a || byte === 0x0d || byte === 0x20 || byte === 0x09)) {
    return emptyReport(['the message is empty']);
  }
  let mail: MailView;
  try {
    mail = readMail(message);
  } catch (error) {
    return emptyReport([`the message could not be parsed as MIME: ${(error as Error).message}`]);
  }
  const warnings: string[] = [];
  const [parser, parsed] = runParsers(mail, warnings);
  const bounce = bounceHeaders(mail);
  if (!parser || !parsed || parsed.recipients.length === 0) {
    return { kind: 'not-bounce', decodedBy: '', recipients: [], bounce, warnings };
  }
  warnings.push(...(parsed.warnings ?? []));
  const classify = memoizedClassifier();
  // Every parser's addresses are cleaned once, here: "<a@b>.", "SMTP=a@b;" and "'a@b'," are all a@b.
  const recipients = parsed.recipients.map((r) =>
    toResult({ ...r, address: cleanAddress(r.address) }, classify),
  );
  const original = originalOf(mail, parsed);
  return {
    kind: kindOf(parsed, recipients),
    decodedBy: parser.id,
    recipients,
    ...(original ? { original } : {}),
    bounce,
    warnings,
  };
}

function runParsers(
  mail: MailView,
  warnings: string[],
): [BounceParser | undefined, ParsedBounce | undefined] {
  for (const parser of PARSERS) {
    try {
      const parsed = parser.parse(mail);
      if (parsed && parsed.recipients.length > 0) return [parser, parsed];
    } catch (error) {
      warnings.push(`parser ${parser.id} failed: ${(error as Error).message}`);
    }
  }
  return [undefined, undefined];
}

function toResult(parsed: ParsedRecipient, classify: (r: ParsedRecipient) => Verdict): RecipientResult {
  const codes = settleCodes(parsed);
  const settled = { ...parsed, ...codes };
  const verdict = classify(settled);
  const action = actionOf(parsed.action);
  const status = codes.status || derivedStatus(verdict.reason, settled);
  const carrier = carrierOf(parsed.address);
  return {
    address: parsed.address,
    action,
    status,
    replyCode: codes.replyCode,
    reason: verdict.reason,
    hardBounce: hardBounceOf(verdict.reason, status || codes.replyCode),
    diagnosticCode: codes.diagnosticCode,
    remoteMta: parsed.remoteMta ?? '',
    command: parsed.command ?? '',
    ...(parsed.lastAttemptAt ? { lastAttemptAt: parsed.lastAttemptAt } : {}),
    ...(carrier ? { carrier } : {}),
    ...(parsed.feedbackType ? { feedbackType: parsed.feedbackType } : {}),
    ...(verdict.whyUndecided ? { whyUndecided: verdict.whyUndecided } : {}),
  };
}

/**
 * A DSN for a mailing list lists thousands of recipients refused with the same words: the verdict
 * depends only on the facts below, so each distinct set of facts is classified once per message.
 */
function memoizedClassifier(): (r: ParsedRecipient) => Verdict {
  const verdicts = new Map<string, Verdict>();
  return (r) => {
    const domain = r.address.slice(r.address.lastIndexOf('@') + 1);
    const key = [
      r.reason,
      r.status,
      r.replyCode,
      r.action,
      r.command,
      r.diagnosticType,
      r.remoteMta,
      domain,
      r.diagnosticCode,
    ]
      .map((v) => v ?? '')
      .join('\u0000');
    let verdict = verdicts.get(key);
    if (!verdict) {
      verdict = classifyRecipient(r);
      verdicts.set(key, verdict);
    }
    return verdict;
  };
}

function actionOf(value: string | undefined): Action {
  const action = (value ?? '').toLowerCase();
  if (action.startsWith('expired')) return 'failed';
  return (ACTIONS as readonly string[]).includes(action) ? (action as Action) : '';
}

function kindOf(parsed: ParsedBounce, recipients: readonly RecipientResult[]): MessageKind {
  if (parsed.kind) return parsed.kind;
  if (recipients.every((r) => r.reason === 'delivered')) return 'delivered';
  if (recipients.every((r) => r.action === 'delayed' || r.reason === 'delivered')) return 'delay';
  return 'bounce';
}

function originalOf(mail: MailView, parsed: ParsedBounce): OriginalMessage | undefined {
  const attached = mail.attachedOriginal;
  if (attached && attached.raw.length > 0) return describeOriginal(attached.raw, attached.headersOnly);
  if (parsed.quotedOriginal) {
    const raw = Buffer.from(parsed.quotedOriginal, 'utf8');
    const { body } = splitHeaderBlock(parsed.quotedOriginal);
    return describeOriginal(raw, !body.trim());
  }
  return undefined;
}

function describeOriginal(raw: Buffer, headersOnly: boolean): OriginalMessage {
  const headers = MailHeaders.parse(headerBlockOf(raw));
  const to = headers
    .all('to')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  const messageId = headers.get('message-id');
  const references = messageIdsIn(headers.all('references').join(' '));
  const from = headers.get('from');
  const date = headers.get('date');
  return {
    subject: headers.get('subject'),
    ...(messageId ? { messageId } : {}),
    ...(references.length > 0 ? { references } : {}),
    ...(from ? { from } : {}),
    ...(to.length > 0 ? { to } : {}),
    ...(date ? { date } : {}),
    headersOnly,
    raw: new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength),
  };
}

function bounceHeaders(mail: MailView): BounceReport['bounce'] {
  const messageId = mail.headers.get('message-id');
  const date = mail.headers.get('date');
  return {
    subject: mail.headers.get('subject'),
    from: mail.headers.get('from'),
    ...(messageId ? { messageId } : {}),
    ...(date ? { date } : {}),
  };
}

function emptyReport(warnings: string[]): BounceReport {
  return { kind: 'not-bounce', decodedBy: '', recipients: [], bounce: { subject: '', from: '' }, warnings };
}
