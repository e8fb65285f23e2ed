// Last resort for plain-text notices of MTAs no other parser knows: a mail that looks sent by a mail
// system (a mailer daemon or postmaster, a null sender, a subject or Auto-Submitted field of a notice)
// and says in words that a delivery failed or is delayed. The recipients are read from the prose
// (recipients/prose.ts); a notice that names them only by display name, or not at all (a message
// refused as a whole: Exim's "Mail failure - message too big", Sendmail's "Message exceeds maximum
// fixed size"), gets them from the returned original's To and Cc.
import { MailHeaders, splitHeaderBlock } from '../../mail/headers.ts';
import type { MailView } from '../../mail/read-mail.ts';
import { isPlainAddress } from '../../recipients/address.ts';
import { FAILURE_WORDS, saysDelayed } from '../../recipients/notice-words.ts';
import { notRecipients, originalRecipients, recipientsByName } from '../../recipients/parties.ts';
import { isDaemon, type ListedName, type ProseReading, readProse } from '../../recipients/prose.ts';
import { addressesIn, MATCH_LIMIT, squeeze } from '../../text.ts';
import type { Reason } from '../../types.ts';
import { recipientOf } from '../notice.ts';
import { attachedOriginalHeaders, ORIGINAL_MARKERS, splitQuotedOriginal } from '../original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const DAEMON_NAME =
  /\b(?:mail delivery (?:system|subsystem|service)|delivery subsystem|mailer[- ]daemon|postmaster|mail administrator|mail system)\b/i;
const SUBJECT =
  /\b(?:undeliver(?:able|ed)|non-?deliver|returned mail|returning|delivery (?:status|failure|failed|notification|problem|report|warning|delay)|mail (?:delivery )?(?:fail|error|warning)|failure notice|could not be delivered|not delivered|rejected|delayed)/i;
const MARKERS: readonly RegExp[] = [
  ...ORIGINAL_MARKERS,
  /^\|?-+ ?(?:Message text follows|Original message follows|Unsent message follows|Original message)\b/im,
  /^-+ ?(?:Your Message|Returned message|Original Message Headers?)\b/im,
  /^[ \t]*-+ ?(?:Message header follows|Unsent message below)\b/im,
  /^[ \t]*Your message reads \(in part\):/im,
  /^[ \t]*-+ ?Returned mail follows ?-+/im,
  // GroupWise, and the IFOM-style "summary" notices.
  /^[ \t]*Possibly truncated original message follows:/im,
  /^[ \t]*A summary of the undelivered message you sent follows:/im,
];
/**
 * The MTAs' own notices for a message refused as a whole, in their fixed wording: Exim's moan.c
 * ("Mail failure - message too big", "longer than the maximum size allowed on this system"),
 * Sendmail's collect.c and srvrsmtp.c ("552 5.2.3 Message exceeds maximum fixed size (N)", "Message
 * size exceeds fixed maximum message size (N)"), Postfix's cleanup ("message file too big").
 */
const WHOLE_MESSAGE_REFUSALS: ReadonlyArray<readonly [RegExp, Reason]> = [
  [
    /\bmessage (?:file )?too (?:big|large)\b|\blonger than the maximum size allowed\b|\bexceeds (?:the )?(?:maximum fixed size|fixed maximum message size)\b/i,
    'mesgtoobig',
  ],
];
/** Lines quoting the returned message's headers are not about a recipient (the oldest reading). */
const HEADER_LINE =
  /^\s*(?:to|from|cc|bcc|reply-to|return-path|sender|subject|date|message-id|received|delivered-to|x-[\w-]+)\s*:/i;
const OLD_FAILURE_WORDS =
  /\b(?:unknown|invalid|no such|not (?:found|exist|reach|delivered|accepted)|did not reach|does not exist|fail(?:ed|ure)?|full|quota|reject(?:ed)?|denied|refused|unable|could not|couldn't|bad|blocked|disabled|expired|error|undeliverable|exceeded|unavailable|too large|timed out)\b/i;

export const plaintext: BounceParser = {
  id: 'plaintext',
  parse(mail: MailView): ParsedBounce | null {
    const signs = noticeSigns(mail);
    if (signs.count === 0) return null;
    const { notice, original } = splitQuotedOriginal(mail.text, MARKERS);
    const sample = notice.slice(0, MATCH_LIMIT);
    const subject = mail.headers.get('subject');
    const delayed = saysDelayed(subject, sample);
    if (!delayed && !FAILURE_WORDS.test(sample) && !SUBJECT.test(subject)) return null;
    const originalHeaders = original
      ? MailHeaders.parse(splitHeaderBlock(original).head)
      : attachedOriginalHeaders(mail);
    const read: Notice = {
      mail,
      subject,
      text: sample,
      delayed,
      original: originalHeaders,
      excluded: notRecipients(mail.headers, originalHeaders),
    };
    const reading = readProse(sample, (address) => read.excluded.has(address));
    const recipients = namedInNotice(read, reading);
    const warnings: string[] = [];
    // A notice that names no recipient at all must bear at least two marks of a mail system's notice.
    if (recipients.length === 0 && signs.count >= 2) {
      recipients.push(...ofWholeMessage(read, reading.names.length > 0));
      if (recipients.length > 0) warnings.push('the recipients are taken from the returned message');
    }
    if (recipients.length === 0 && signs.daemon && SUBJECT.test(subject)) {
      recipients.push(...failureLines(sample, read.excluded));
    }
    if (recipients.length === 0) return null;
    return {
      recipients,
      ...(original ? { quotedOriginal: original } : {}),
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  },
};

/** What the readings of one notice share. */
interface Notice {
  mail: MailView;
  subject: string;
  /** The notice's text before the returned message, bounded. */
  text: string;
  delayed: boolean;
  /** The returned original's headers (empty when none is returned). */
  original: MailHeaders;
  /** Addresses that are never a recipient. */
  excluded: ReadonlySet<string>;
}

function actionOf(notice: Notice, listedDelayed: boolean): Omit<ParsedRecipient, 'address'> {
  return { action: listedDelayed || notice.delayed ? 'delayed' : 'failed' };
}

/** The recipients the notice names: by address in its prose, then by name in the original's To. */
function namedInNotice(notice: Notice, reading: ProseReading): ParsedRecipient[] {
  const recipients = reading.recipients.map((r) =>
    recipientOf(r.address, r.words, actionOf(notice, r.delayed)),
  );
  const words = failureSentences(notice.text) || notice.subject;
  for (const { address, words: own } of namedRecipients(notice.mail, reading.names, notice.original)) {
    if (notice.excluded.has(address) || recipients.some((r) => r.address === address)) continue;
    recipients.push(recipientOf(address, own || words, actionOf(notice, false)));
  }
  return recipients;
}

/**
 * A notice that names no recipient refused the message as a whole: every recipient of the returned
 * original failed. When it listed names that match no one there, only a sole recipient can be meant.
 */
function ofWholeMessage(notice: Notice, listedNames: boolean): ParsedRecipient[] {
  const words = failureSentences(notice.text) || notice.subject;
  const reason = WHOLE_MESSAGE_REFUSALS.find(([pattern]) => pattern.test(`${notice.subject}\n${words}`))?.[1];
  const fields = { ...actionOf(notice, false), ...(reason && !notice.delayed ? { reason } : {}) };
  const all = [...new Set(originalRecipients(notice.original).map((m) => m.address))];
  const meant = listedNames && all.length > 1 ? [] : all;
  return meant.filter((a) => !notice.excluded.has(a)).map((address) => recipientOf(address, words, fields));
}

interface Signs {
  count: number;
  daemon: boolean;
}

/** How many of the marks of a mail system's notice the mail bears. */
function noticeSigns(mail: MailView): Signs {
  const h = mail.headers;
  const from = h.get('from');
  const fromAddresses = addressesIn(from);
  const daemon = fromAddresses.some(isDaemon) || DAEMON_NAME.test(from);
  const returnPath = h.get('return-path').trim();
  const nullSender =
    returnPath === '<>' ||
    /^<?mailer-daemon\b/i.test(returnPath) ||
    (h.has('from') && fromAddresses.length === 0 && /<\s*>/.test(from));
  const autoSubmitted = /^auto-(?:generated|replied)/i.test(h.get('auto-submitted').trim());
  const subject = SUBJECT.test(h.get('subject'));
  const count = [daemon, nullSender, autoSubmitted, subject].filter(Boolean).length;
  return { count, daemon };
}

/**
 * Recipients a notice names only by screen name, display name or local part. AOL's own notices list
 * screen names, which are AOL addresses; Exchange lists display names, GroupWise local parts: those
 * are found in the original's To and Cc.
 */
function namedRecipients(
  mail: MailView,
  names: readonly ListedName[],
  original: MailHeaders,
): Array<{ address: string; words: string }> {
  const fromDomain = addressesIn(mail.headers.get('from'))[0]?.split('@')[1] ?? '';
  if (/^aol\.com$/i.test(fromDomain)) {
    return names
      .filter((n) => !n.name.includes(' '))
      .map((n) => ({ address: `${n.name.toLowerCase()}@aol.com`, words: n.words }));
  }
  return names.flatMap((n) =>
    recipientsByName([n.name], original)
      .filter(isPlainAddress)
      .map((address) => ({ address, words: n.words })),
  );
}

/** Up to four lines of the notice that say what failed: the words for recipients it does not name. */
function failureSentences(notice: string): string {
  const lines = notice.split('\n', 200).filter((line) => FAILURE_WORDS.test(line.slice(0, 1000)));
  return squeeze(lines.slice(0, 4).join(' ')).slice(0, 1000);
}

/** The oldest reading: any address on a line that also says what failed, in order. */
function failureLines(notice: string, ignore: ReadonlySet<string>): ParsedRecipient[] {
  const found = new Map<string, ParsedRecipient>();
  for (const line of notice.split('\n', 400)) {
    if (HEADER_LINE.test(line) || !OLD_FAILURE_WORDS.test(line)) continue;
    for (const address of addressesIn(line)) {
      if (ignore.has(address) || found.has(address) || isDaemon(address)) continue;
      found.set(address, recipientOf(address, line));
    }
  }
  return [...found.values()];
}
