// fml, the mailing-list manager: its error mails (X-MLServer: fml, From: <list>-admin@) say why the
// list refused a post ("You are not a member of this mailing list <list>.", "Loop Alert:
// Duplicated Message-ID") and quote the post, indented, after "Original mail as follows:".
import type { MailView } from '../../mail/read-mail.ts';
import type { Reason } from '../../types.ts';
import { angledAddress, noticeLines, reasonOfWording, recipientOf, type WordingTable } from '../notice.ts';
import { looksLikeHeaders } from '../original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const MARKER = /^Original mail as follows:\s*$/m;

/** fml's own error texts (the body), then its error subjects. */
const FML_WORDINGS: WordingTable = [
  [
    'rejected',
    [
      'You are not a member of this mailing list',
      'NOT MEMBER article from ',
      'reject mail from ',
      'reject spammers:',
      ' header may cause mail loop',
    ],
  ],
  ['systemerror', ['Duplicated Message-ID', ' has detected a loop condition so that', 'Loop Back Warning:']],
  ['securityerror', ['Security alert:']],
];
const FML_SUBJECTS: WordingTable = [
  [
    'rejected',
    [' are not member', 'NOT MEMBER article from ', 'reject mail ', 'Spam mail from a spammer is rejected'],
  ],
  [
    'systemerror',
    ['fml system error message', 'Loop Alert: ', 'Loop Back Warning: ', 'WARNING: UNIX FROM Loop'],
  ],
  ['securityerror', ['Security Alert']],
];

export const fml: BounceParser = {
  id: 'fml',
  parse(mail: MailView): ParsedBounce | null {
    if (!/\bfml\b/i.test(mail.headers.get('x-mlserver'))) return null;
    const fromList =
      /-admin@/i.test(mail.headers.get('from')) || /\.FML/.test(mail.headers.get('message-id'));
    if (!fromList) return null;
    const cut = MARKER.exec(mail.text);
    const notice = cut ? mail.text.slice(0, cut.index) : mail.text;
    const recipients = readNotice(notice, mail.headers.get('subject'));
    if (recipients.length === 0) return null;
    const original = cut ? dedent(mail.text.slice(cut.index + cut[0].length)) : '';
    return { recipients, ...(looksLikeHeaders(original) ? { quotedOriginal: original } : {}) };
  },
};

/** One recipient per line naming an <address>; the rest of the notice is its explanation. */
function readNotice(notice: string, subject: string): ParsedRecipient[] {
  const found: Array<[string, string[]]> = [];
  let open = false;
  for (const line of noticeLines(notice)) {
    const address = angledAddress(line);
    if (address) found.push([address, [line]]);
    else if (open && line.trim()) found.at(-1)?.[1].push(line);
    open = address !== '' || (open && line.trim() !== '');
  }
  return found.map(([address, lines]) => {
    const r = recipientOf(address, lines.join(' '));
    const reason: Reason | undefined =
      reasonOfWording(r.diagnosticCode ?? '', FML_WORDINGS) ?? reasonOfWording(subject, FML_SUBJECTS);
    if (reason) r.reason = reason;
    return r;
  });
}

/** The quoted post without fml's indentation and its mbox "From " line. */
function dedent(quoted: string): string {
  const lines = quoted.replace(/^\s*\n/, '').split('\n');
  const indent = /^[ \t]*/.exec(lines[0] ?? '')?.[0] ?? '';
  const body = lines.map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()));
  return body.filter((line, i) => i > 0 || !/^From \S/.test(line)).join('\n');
}
