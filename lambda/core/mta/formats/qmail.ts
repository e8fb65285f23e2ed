// qmail and its descendants (netqmail, notqmail, indimail): a "failure notice" from qmail-send with
// one "<address>:" paragraph per recipient, holding qmail-remote's or qmail-local's words and, after
// "Remote host said:", the remote server's reply. qmail appends its own code as "(#5.1.1)".
import type { MailView } from '../../mail/read-mail.ts';
import { findReplyCode, findStatus } from '../../smtp/codes.ts';
import { findCommand, normalizeCommand } from '../../smtp/commands.ts';
import { unfoldReply } from '../../smtp/replies.ts';
import { squeeze } from '../../text.ts';
import type { Reason } from '../../types.ts';
import { headerMatches, noticeLines, reasonOfWording, recipientOf, type WordingTable } from '../notice.ts';
import { splitQuotedOriginal } from '../original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const BANNER = /^Hi\. This is the qmail/m;
const RECEIVED = /\(qmail \d+ invoked for bounce\)|^indimail-mta queue \d+ .*\(invoked for bounce\)/;
const PARAGRAPH_HEAD = /^<([^<>\s@]+@[^<>\s]+)>:\s*(.*)$/;
const MARKERS = [
  /^--- ?(?:Below this line is a copy of the (?:message|mail header)|Below the next line is a copy of the message|Enclosed is a copy of the message|Mensaje original adjunto)/m,
];

/** qmail-remote's sentences: the host it talked to and the command the host refused. */
const REMOTE_SENTENCES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(\S+) does not like recipient\.$/, 'RCPT'],
  [/^(\S+) failed on DATA command\.?$/, 'DATA'],
  [/^(\S+) failed after I sent the message\.?$/, 'DATA'],
  [/^Connected to (\S+) but greeting failed\.?$/, 'CONN'],
  [/^Connected to (\S+) but my name was rejected\.?$/, 'EHLO'],
  [/^Connected to (\S+) but sender was rejected\.?$/, 'MAIL'],
  [/^Giving up on (\S+?)\.?$/, ''],
];
const EXPIRED = /I'm not going to try again; this message has been in the queue too long\.?/i;
const QMAIL_CODE = /\s*\(#([245]\.\d{1,3}\.\d{1,3})\)/;
/** "Sorry, no SMTP connection got far enough; most progress was RCPT TO response; remote host X said: ..." */
const PROGRESS = /most progress was (\S+(?: TO| FROM)?) response; remote host (\S+) said:\s*(.*)$/i;

/** qmail's (and qmail-ldap's, vpopmail's) own explanations, used when no remote server spoke. */
const QMAIL_WORDINGS: WordingTable = [
  ['userunknown', ['no mailbox here by that name']],
  ['hostunknown', ["Sorry, I couldn't find any host "]],
  ['notaccept', ["Sorry, I couldn't find a mail exchanger or IP address"]],
  [
    'networkerror',
    ["Sorry, I wasn't able to establish an SMTP connection", "Although I'm listed as a best-preference MX"],
  ],
  ['mailboxfull', ['disk quota exceeded']],
  ['mesgtoobig', ['Message size exceeds fixed maximum message size']],
  ['exceedlimit', ['The message exeeded the maximum size the user accepts']],
  ['suspend', ['Mailaddress is administrativ', 'account is locked']],
  [
    'systemerror',
    [
      'Unable to contact LDAP server',
      'Temporary failure in LDAP lookup',
      'Timeout while performing search on LDAP server',
      'Unable to login into LDAP server',
      'Illegal value in LDAP attribute',
      'LDAP attribute is not given but mandatory',
      'Too many results returned but needs to be unique',
      'Automatic homedir creator crashed',
      'Temporary error in automatic homedir creation',
      'error while executing qmail-forward',
      'bad interpreter: No such file or directory',
    ],
  ],
  ['systemfull', ['Requested action not taken: mailbox unavailable (not enough free space)']],
];

export const qmail: BounceParser = {
  id: 'qmail',
  parse(mail: MailView): ParsedBounce | null {
    const fromQmail =
      BANNER.test(mail.text.slice(0, 2000)) ||
      (/^failure notice$/i.test(mail.headers.get('subject')) && headerMatches(mail, ['received'], RECEIVED));
    if (!fromQmail) return null;
    const { notice, original } = splitQuotedOriginal(mail.text, MARKERS);
    const recipients = readQmailParagraphs(notice);
    if (recipients.length === 0) return null;
    return { recipients, ...(original ? { quotedOriginal: original } : {}) };
  },
};

/** One recipient per "<address>:" paragraph of a qmail notice; the qmail clones (X4) read theirs here. */
export function readQmailParagraphs(notice: string): ParsedRecipient[] {
  return paragraphs(notice).map(([address, lines]) => readParagraph(address, lines));
}

/** The "<address>:" paragraphs of the notice, in order. */
function paragraphs(notice: string): Array<[string, string[]]> {
  const found: Array<[string, string[]]> = [];
  let current: string[] | undefined;
  for (const line of noticeLines(notice)) {
    const head = PARAGRAPH_HEAD.exec(line);
    if (head) {
      current = head[2] ? [head[2]] : [];
      found.push([(head[1] ?? '').toLowerCase(), current]);
    } else if (!line.trim()) {
      current = undefined;
    } else {
      current?.push(line);
    }
  }
  return found;
}

function readParagraph(address: string, lines: readonly string[]): ParsedRecipient {
  let command = '';
  let remoteMta = '';
  const reply: string[] = [];
  const own: string[] = [];
  let inReply = false;
  for (const raw of lines) {
    // indimail prefixes qmail-remote's sentence with the envelope: "From: <a> RCPT: <b> host ..."
    const line = raw.replace(/^From: <[^<>]*> RCPT: <[^<>]*> /, '').trim();
    const said = /^Remote host said:\s*(.*)$/i.exec(line);
    if (said) {
      inReply = true;
      reply.push(said[1] ?? '');
      continue;
    }
    const progress = PROGRESS.exec(line);
    if (progress) {
      command = normalizeCommand(progress[1] ?? '');
      remoteMta = progress[2] ?? '';
      inReply = true;
      reply.push(progress[3] ?? '');
      continue;
    }
    const sentence = REMOTE_SENTENCES.find(([pattern]) => pattern.test(line));
    if (sentence) {
      inReply = false;
      command = sentence[1] || command;
      remoteMta ||= sentence[0].exec(line)?.[1] ?? '';
    } else if (/^\(Other MXes tried:/.test(line)) {
      inReply = false;
    } else {
      (inReply ? reply : own).push(line);
    }
  }
  return toRecipient(address, reply, own.join(' '), command, remoteMta);
}

function toRecipient(
  address: string,
  reply: readonly string[],
  ownText: string,
  command: string,
  remoteMta: string,
): ParsedRecipient {
  const whole = `${reply.join(' ')} ${ownText}`;
  const expired = EXPIRED.test(squeeze(whole));
  const qmailStatus = QMAIL_CODE.exec(whole)?.[1] ?? '';
  const serverWords = tidy(unfoldReply(reply));
  const ownWords = tidy(ownText);
  const words = serverWords || ownWords;
  const r = recipientOf(address, words, { remoteMta, command: command || findCommand(words) });
  r.status = findStatus(serverWords) || qmailStatus;
  r.replyCode = findReplyCode(serverWords);
  const reason = reasonOf(r.command ?? '', serverWords, ownWords, expired);
  if (reason) r.reason = reason;
  return r;
}

/** Without qmail's own code and its "queue too long" sentence. */
function tidy(text: string): string {
  return squeeze(
    squeeze(text)
      .replace(EXPIRED, '')
      .replace(QMAIL_CODE, '')
      .replace(/^[.\s]+|\s+\.$/g, ''),
  );
}

function reasonOf(
  command: string,
  serverWords: string,
  ownWords: string,
  expired: boolean,
): Reason | undefined {
  // "Connected to ... but my name was rejected": the server refused the HELO greeting itself.
  if (command === 'HELO' || command === 'EHLO') return 'blocked';
  const own = serverWords ? undefined : reasonOfWording(ownWords, QMAIL_WORDINGS);
  return own ?? (expired ? 'expired' : undefined);
}
