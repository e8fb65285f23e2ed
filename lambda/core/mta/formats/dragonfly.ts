// DragonFly Mail Agent (dma): "This is the DragonFly Mail Agent ... There was an error delivering
// your mail to <address>." followed by dma's own error, or "host [ip] did not like our COMMAND:" and
// the remote server's reply; then "Message headers follow." or "Original message follows.".
import type { MailView } from '../../mail/read-mail.ts';
import { normalizeCommand } from '../../smtp/commands.ts';
import { unfoldReply } from '../../smtp/replies.ts';
import { headerMatches, noticeLines, reasonOfWording, recipientOf, type WordingTable } from '../notice.ts';
import { splitQuotedOriginal } from '../original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const BANNER = /^This is the DragonFly Mail Agent\b/m;
const MARKERS = [/^(?:Original message follows|Message headers follow)\.?\s*$/m];
const RECIPIENT = /^There was an error delivering your mail to <([^<>\s@]+@[^<>\s]+)>/;
/** net.c: "%s [%s] did not like our %s:" then the reply. */
const REFUSED =
  /^(\S+) \[[^\]]*\] did not like our (?:final )?(RCPT TO|MAIL FROM|DATA|HELO|EHLO|STARTTLS|AUTH|BDAT)\b/i;

/** dma's own errors. */
const DMA_WORDINGS: WordingTable = [
  ['expired', ['Could not deliver for the last ']],
  ['hostunknown', ['DNS lookup failure: host ']],
];

export const dragonfly: BounceParser = {
  id: 'dragonfly',
  parse(mail: MailView): ParsedBounce | null {
    const fromDma =
      headerMatches(mail, ['received'], /\(DragonFly Mail Agent\b/) || BANNER.test(mail.text.slice(0, 2000));
    if (!fromDma) return null;
    const { notice, original } = splitQuotedOriginal(mail.text, MARKERS);
    const recipients: ParsedRecipient[] = [];
    let address = '';
    let words: string[] = [];
    let remoteMta = '';
    let command = '';
    const flush = () => {
      if (address) recipients.push(toRecipient(address, words, remoteMta, command));
      words = [];
      remoteMta = '';
      command = '';
    };
    for (const line of noticeLines(notice)) {
      const head = RECIPIENT.exec(line);
      const refused = REFUSED.exec(line);
      if (head) {
        flush();
        address = (head[1] ?? '').toLowerCase();
      } else if (address && refused) {
        remoteMta = refused[1] ?? '';
        command = normalizeCommand(refused[2] ?? '');
      } else if (address && line.trim()) {
        words.push(line);
      }
    }
    flush();
    if (recipients.length === 0) return null;
    return { recipients, ...(original ? { quotedOriginal: original } : {}) };
  },
};

function toRecipient(
  address: string,
  words: readonly string[],
  remoteMta: string,
  command: string,
): ParsedRecipient {
  const text = unfoldReply(words);
  const r = recipientOf(address, text, { remoteMta, command });
  const reason = remoteMta ? undefined : reasonOfWording(text, DMA_WORDINGS);
  if (reason) r.reason = reason;
  return r;
}
