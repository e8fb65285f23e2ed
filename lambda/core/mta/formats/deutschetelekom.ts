// Deutsche Telekom (T-Online, magenta.de) as the sending side: its own fork of Smail 3's notice,
//   |------------------------- Failed addresses follow: ---------------------|
//    <user@t-online.de>
//      552 5.2.2 <user@t-online.de> Quota exceeded (mailbox for user is full)
//   |------------------------- Message header follows: ----------------------|
// Plain Smail 3 lists " user@example.com ... unknown host" under the same banner, after a message log.
import type { MailView } from '../../mail/read-mail.ts';
import { MATCH_LIMIT, squeeze } from '../../text.ts';
import { headerMatches, noticeLines, recipientOf } from '../notice.ts';
import { looksLikeHeaders } from '../original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const FAILED = /^\|-+ Failed addresses follow: -+\|\s*$/;
const MESSAGE_LOG = /^\|-+ Message log follows: -+\|\s*$/;
const RETURNED = /^\|-+ Message (?:header|text) follows: -+\|\s*$/m;
const TELEKOM = /[@.](?:t-online|magenta)\.de\b/i;
/** " <user@t-online.de>": Telekom's recipient line. */
const ANGLED = /^ <([^<>\s@]+@[^<>\s]+)>$/;
/** " user@example.com ... unknown host": Smail's recipient line, with its error. */
const SMAIL = /^ ([^\s<>@]+@[^\s<>]+) \.\.\. (.*)$/;

export const deutschetelekom: BounceParser = {
  id: 'deutschetelekom',
  parse(mail: MailView): ParsedBounce | null {
    // Telekom's header, or its own banner: plain Smail 3 is not Telekom's, and stays with the generic readers.
    const fromTelekom =
      mail.headers.has('x-toi-msgid') ||
      TELEKOM.test(mail.headers.get('from')) ||
      headerMatches(mail, ['received'], /\bt-online\.de\b/i) ||
      /^\|-+ Message header follows: -+\|/m.test(mail.text.slice(0, MATCH_LIMIT));
    if (!fromTelekom || !/^\|-+ Failed addresses follow:/m.test(mail.text.slice(0, MATCH_LIMIT))) return null;
    const returned = RETURNED.exec(mail.text);
    const recipients = readNotice(returned ? mail.text.slice(0, returned.index) : mail.text);
    if (recipients.length === 0) return null;
    const quoted = returned ? mail.text.slice(returned.index + returned[0].length).replace(/^\s*\n/, '') : '';
    return { recipients, ...(looksLikeHeaders(quoted) ? { quotedOriginal: quoted } : {}) };
  },
};

function readNotice(notice: string): ParsedRecipient[] {
  const log: string[] = [];
  const blocks: Array<[string, string[]]> = [];
  let section: 'log' | 'failed' | '' = '';
  for (const line of noticeLines(notice)) {
    if (MESSAGE_LOG.test(line)) section = 'log';
    else if (FAILED.test(line)) section = 'failed';
    else if (section === 'log' && line.trim()) log.push(line);
    else if (section === 'failed' && line.trim()) {
      const angled = ANGLED.exec(line);
      const smail = SMAIL.exec(line);
      if (angled) blocks.push([angled[1] ?? '', []]);
      else if (smail) blocks.push([smail[1] ?? '', [...log, smail[2] ?? '']]);
      else blocks.at(-1)?.[1].push(line);
    }
  }
  return blocks.map(([address, words]) => recipientOf(address, squeeze(words.join(' '))));
}
