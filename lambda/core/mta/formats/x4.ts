// X4, Sisimai's name for the qmail clones: qmail's "<address>:" paragraphs and qmail-remote's
// sentences ("... does not like recipient.", "Remote host said: ..."), under another opener than
// qmail's own "Hi. This is the qmail-send program":
//   Unable to deliver message to the following address(es).   |  Su mensaje no pudo ser entregado
//   Hi. ... unable to deliver your message to the following addresses  |  Sorry, we were unable to ...
//   <user@example.jp>:
//   192.0.2.153 does not like recipient.
//   Remote host said: 550 5.1.1 <user@example.jp>... User Unknown
//   Giving up on 192.0.2.153.
import type { MailView } from '../../mail/read-mail.ts';
import { headerMatches } from '../notice.ts';
import { splitQuotedOriginal } from '../original.ts';
import type { BounceParser, ParsedBounce } from '../parser.ts';
import { readQmailParagraphs } from './qmail.ts';

const SUBJECT = /^(?:failure notice|Permanent Delivery Failure)/i;
const RECEIVED = /^\(qmail \d+ invoked for bounce\)/;
/** The clones' first sentences (qmail's own "Hi. This is the qmail-send program" is read by qmail). */
const OPENERS =
  /^He\/Her is not .+ user|unable to deliver your message to the following address|^Su mensaje no pudo ser entregado|^This is the (?:machine generated message from mail service|mail delivery agent at)|^Unable to deliver message to the following address|^Unfortunately, your mail was not delivered to the following address:|^Your (?:mail message to the following address|message to the following addresses)|^We're sorry\./m;
const MARKERS = [/^--- ?(?:Below this line is a copy of the message|Original message follows)\.?/m];
/** "To: <user@example.jp>:" as some clones head a paragraph. */
const TO_HEAD = /^To ?: ?(?=<[^<>\s@]+@[^<>\s]+>:)/gm;

export const x4: BounceParser = {
  id: 'x4',
  parse(mail: MailView): ParsedBounce | null {
    const fromQmailClone =
      SUBJECT.test(mail.headers.get('subject')) || headerMatches(mail, ['received'], RECEIVED);
    if (!fromQmailClone) return null;
    const opener = OPENERS.exec(mail.text.slice(0, 8192));
    if (!opener) return null;
    const { notice, original } = splitQuotedOriginal(mail.text.slice(opener.index), MARKERS);
    const recipients = readQmailParagraphs(notice.replace(TO_HEAD, ''));
    // "Connected to ... but sender was rejected": the sender address itself was refused.
    for (const r of recipients) if (r.command === 'MAIL' && !r.reason) r.reason = 'rejected';
    if (recipients.length === 0) return null;
    return { recipients, ...(original ? { quotedOriginal: original } : {}) };
  },
};
