// Digital Arts m-FILTER (X-Mailer: m-FILTER), and gateways that copy its layout: a Japanese notice
// listing the failed addresses one per line, then
//   -------server message        the remote server's reply
//   -------SMTP command          the command it answered
//   -------original message      (or "-------original mail info": a summary of the original)
import type { MailView } from '../../mail/read-mail.ts';
import { normalizeCommand } from '../../smtp/commands.ts';
import { squeeze } from '../../text.ts';
import { isBareAddress, NOTICE_LIMIT, noticeLines, recipientOf } from '../notice.ts';
import { looksLikeHeaders } from '../original.ts';
import type { BounceParser, ParsedBounce } from '../parser.ts';

const SERVER_MESSAGE = /^-{5,}server message\s*$/m;
const SMTP_COMMAND = /^-{5,}SMTP command\s*$/m;
const ORIGINAL = /^-{5,}original (?:message|mail info)\s*$/m;

export const mfilter: BounceParser = {
  id: 'mfilter',
  parse(mail: MailView): ParsedBounce | null {
    const byMailer = /^m-FILTER\b/i.test(mail.headers.get('x-mailer'));
    const head = mail.text.slice(0, NOTICE_LIMIT);
    const byLayout = SERVER_MESSAGE.test(head) && SMTP_COMMAND.test(head);
    if (!byMailer && !byLayout) return null;
    const cut = ORIGINAL.exec(mail.text);
    const notice = cut ? mail.text.slice(0, cut.index) : mail.text;
    const sections = sectionsOf(notice);
    const addresses = sections.head.map((line) => line.trim()).filter(isBareAddress);
    const words = squeeze(sections.server.join(' '));
    const command = sections.command.map((line) => line.trim()).find(Boolean) ?? '';
    const recipients = addresses.map((address) =>
      recipientOf(address, words, { command: command ? normalizeCommand(command) : '' }),
    );
    if (recipients.length === 0) return null;
    const original = cut ? mail.text.slice(cut.index + cut[0].length).replace(/^\s*\n/, '') : '';
    return { recipients, ...(looksLikeHeaders(original) ? { quotedOriginal: original } : {}) };
  },
};

function sectionsOf(notice: string): { head: string[]; server: string[]; command: string[] } {
  const sections = { head: [] as string[], server: [] as string[], command: [] as string[] };
  let into = sections.head;
  for (const line of noticeLines(notice)) {
    if (SERVER_MESSAGE.test(line)) into = sections.server;
    else if (SMTP_COMMAND.test(line)) into = sections.command;
    else into.push(line);
  }
  return sections;
}
