// Sendmail: "Returned mail: see transcript for details", a DSN plus the SMTP transcript of the session.
// Without a DSN (SendMimeErrors off, old versions) the recipients are read from the address blocks that
// savemail.c's errbody() writes ("----- The following addresses had permanent fatal errors -----",
// each address followed by "(reason: ...)" and "(expanded from: ...)"). Either way the transcript keeps
// the remote server's last failure reply, which the DSN may miss: its Diagnostic-Code can hold only the
// reply to the closing QUIT ("221 2.0.0 closing connection") or nothing at all.

import { recipientsFromDsn } from '../../dsn/recipients.ts';
import type { MailView } from '../../mail/read-mail.ts';
import { leadingAddress } from '../../recipients/address.ts';
import { findReplyCode, findSmtpReplyCode, findStatus } from '../../smtp/codes.ts';
import { receivedReply, sentCommand } from '../../smtp/commands.ts';
import { joinReplyLines } from '../../smtp/replies.ts';
import { noticeLines } from '../notice.ts';
import { splitQuotedOriginal } from '../original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const SUBJECTS = /^(?:Returned mail: |Warning: could not send message|Postmaster notify: )/i;
const TRANSCRIPT = /^[ \t]*-+ Transcript of session follows -+/m;
/** savemail.c errbody(): the three address blocks and the action each stands for. */
const SECTION =
  /^[ \t]*-+ The following addresses had (permanent fatal|transient non-fatal|successful delivery)/i;
const SECTION_ACTIONS: Readonly<Record<string, string>> = {
  'permanent fatal': 'failed',
  'transient non-fatal': 'delayed',
  'successful delivery': 'delivered',
};
const MARKERS = [/^[ \t]*-+ (?:Original message follows|Message header follows|Unsent message follows) -+/im];

export const sendmail: BounceParser = {
  id: 'sendmail',
  parse(mail: MailView): ParsedBounce | null {
    const subject = mail.headers.get('subject');
    if (!SUBJECTS.test(subject) && !TRANSCRIPT.test(mail.text)) return null;
    const { notice, original } = splitQuotedOriginal(mail.text, MARKERS);
    const dsn = recipientsFromDsn(mail);
    const blocks: Blocks = dsn.length > 0 ? { recipients: dsn, aliases: [] } : readBlocks(notice);
    if (blocks.recipients.length === 0) return null;
    const transcript = parseTranscript(notice);
    for (const r of blocks.recipients) enrich(r, transcript);
    return { recipients: withAliases(blocks), ...(original ? { quotedOriginal: original } : {}) };
  },
};

interface Blocks {
  recipients: ParsedRecipient[];
  /** "(expanded from: alias)": the address the sender used, for the recipient it became. */
  aliases: Array<[ParsedRecipient, string]>;
}

/** The recipients of savemail.c's address blocks, in order. */
function readBlocks(notice: string): Blocks {
  const blocks: Blocks = { recipients: [], aliases: [] };
  let action = '';
  let last: ParsedRecipient | undefined;
  for (const line of noticeLines(notice)) {
    const section = SECTION.exec(line);
    if (section || /^[ \t]*-{3,} /.test(line)) {
      action = section ? (SECTION_ACTIONS[(section[1] ?? '').toLowerCase()] ?? '') : '';
      last = undefined;
      continue;
    }
    if (!action || !line.trim()) continue;
    const note = /^\s+\((reason|expanded from): ?(.*)\)\s*$/i.exec(line);
    if (note && last) {
      if (/^reason$/i.test(note[1] ?? '')) last.diagnosticCode = note[2] ?? '';
      else blocks.aliases.push([last, note[2] ?? '']);
      continue;
    }
    const lead = /^\S/.test(line) ? leadingAddress(line) : undefined;
    if (!lead) continue;
    last = { address: lead.address, action, diagnosticCode: '' };
    blocks.recipients.push(last);
  }
  for (const r of blocks.recipients) {
    r.status = findStatus(r.diagnosticCode ?? '');
    r.replyCode = findSmtpReplyCode(r.diagnosticCode ?? '', r.status);
  }
  return blocks;
}

/** Each alias as a recipient of its own, with what was learned of the address it became. */
function withAliases(blocks: Blocks): ParsedRecipient[] {
  const recipients = [...blocks.recipients];
  for (const [of, alias] of blocks.aliases) {
    const address = leadingAddress(alias)?.address;
    if (address && !recipients.some((r) => r.address === address)) recipients.push({ ...of, address });
  }
  return recipients;
}

interface Exchange {
  command: string;
  reply: string;
  /** The host named by the last "... while talking to HOST:" line. */
  host: string;
}

interface Transcript {
  /** Replies of the remote server ("<<<" lines, multi-line replies joined), with the command they answered. */
  exchanges: Exchange[];
  /** Sendmail's own verdict lines: "550 5.1.1 <user@example.org>... User unknown". */
  verdicts: string[];
  /** Sendmail's note on a recipient it kept retrying, by address: "Deferred: Connection timed out with ...". */
  deferrals: Map<string, string>;
  /** The last command sent. */
  lastCommand: string;
}

/**
 * Reads the ">>> COMMAND" / "<<< reply" session transcript and sendmail's own verdict lines. A failure
 * reply before any command of its session answered the connection (the greeting).
 */
function parseTranscript(notice: string): Transcript {
  const transcript: Transcript = { exchanges: [], verdicts: [], deferrals: new Map(), lastCommand: '' };
  let open: Exchange | undefined;
  let host = '';
  let command = '';
  for (const line of notice.split('\n')) {
    const talking = /^\.\.\. while talking to ([^\s:]+?)\.?:/i.exec(line);
    if (talking) {
      host = talking[1] ?? '';
      command = 'CONN';
      open = undefined;
      continue;
    }
    const sent = sentCommand(line);
    if (sent) {
      transcript.lastCommand = sent;
      command = sent;
      open = undefined;
      continue;
    }
    const got = /^([45]\d\d)([- ])/.exec(receivedReply(line) ?? '');
    if (got) {
      const text = (receivedReply(line) ?? '').trim();
      if (open) open.reply += ` ${text}`;
      else {
        open = { command: command || transcript.lastCommand, reply: text, host };
        transcript.exchanges.push(open);
      }
      if (got[2] === ' ') open = undefined;
      continue;
    }
    open = undefined;
    if (/^[45]\d\d (?:[45]\.\d{1,3}\.\d{1,3} )?\S/.test(line)) transcript.verdicts.push(line.trim());
    const deferred = DEFERRED.exec(line.trim());
    if (deferred) transcript.deferrals.set((deferred[1] ?? '').toLowerCase(), deferred[2] ?? '');
  }
  return transcript;
}

/** deliver.c's note on a recipient whose delivery was deferred: "<user@example.org>... Deferred: reason". */
const DEFERRED = /^<?([^\s<>@]+@[^\s<>]+?)>?\.\.\. (Deferred\b.*)$/;

function enrich(r: ParsedRecipient, transcript: Transcript): void {
  const mentions = (text: string) => text.toLowerCase().includes(r.address);
  const given = r.diagnosticCode ?? '';
  // The exchange whose reply the DSN quotes is the one that failed: its command is the failed one.
  const quoted = joinReplyLines(given).slice(0, 40);
  const exchange =
    transcript.exchanges.find((e) => mentions(e.reply)) ??
    (transcript.exchanges.length === 1 ? transcript.exchanges[0] : undefined) ??
    (quoted.length >= 12
      ? transcript.exchanges.find((e) => joinReplyLines(e.reply).startsWith(quoted))
      : undefined);
  // No words, a bare exit status, or a positive reply (the QUIT's "221 closing connection"): the
  // failure is elsewhere, in the transcript.
  const positive = /^\s*2\d\d\b/.test(given) && r.action !== 'delivered';
  const bare = !/[a-z]{3}/i.test(given) || positive;
  // A DSN that gives only a mailer's exit status ("255") is explained by sendmail's own verdict line.
  // The recipient's own deferral note says why sendmail kept retrying it, before any other verdict line.
  const verdict =
    transcript.deferrals.get(r.address) ??
    transcript.verdicts.find(mentions) ??
    (bare && transcript.verdicts.length === 1 ? transcript.verdicts[0] : undefined);
  const lastFailure = bare ? transcript.exchanges.at(-1) : undefined;
  const source = exchange ?? lastFailure;
  r.command = (bare && source?.command) || r.command || source?.command || transcript.lastCommand;
  r.remoteMta ||= source?.host ?? '';
  const words = source?.reply ?? verdict ?? '';
  if (!words) {
    r.replyCode ||= findReplyCode(transcript.verdicts.at(-1) ?? '');
    return;
  }
  // A bare exit status, or a multi-line reply the DSN cut short, yields to the transcript.
  const full = joinReplyLines(words);
  if (bare || (full.length > given.length && full.startsWith(joinReplyLines(given).slice(0, 40)))) {
    r.diagnosticCode = full;
    // The positive reply's code and status were read from the DSN's words: they go with them.
    if (positive && r.replyCode?.startsWith('2')) r.replyCode = '';
    if (positive && r.status?.startsWith('2.')) r.status = '';
    // Sendmail's verdict on this very address replaces a mailer's exit status: the words are SMTP's now.
    if (words === verdict && mentions(words)) r.diagnosticType = 'smtp';
  }
  r.replyCode ||= findReplyCode(words) || findReplyCode(transcript.verdicts.at(-1) ?? '');
  r.status ||= findStatus(words);
}
