// IBM/HCL Domino: "DELIVERY FAILURE: <reason>" with
//   Your message
//     Subject: ...
//   was not delivered to:
//     <address>
//   because:
//     <reason>
// and, in newer releases, a delivery-status part (Diagnostic-Code: X-Notes; ...).

import { recipientsFromDsn } from '../../dsn/recipients.ts';
import type { MailView } from '../../mail/read-mail.ts';
import { squeeze } from '../../text.ts';
import { isBareAddress, noticeLines, reasonOfWording, recipientOf, type WordingTable } from '../notice.ts';
import type { BounceParser, ParsedBounce } from '../parser.ts';

/** Domino's own error texts, in the languages it writes them. */
const DOMINO_WORDINGS: WordingTable = [
  [
    'userunknown',
    [
      'not listed in Domino Directory',
      'not listed in public Name & Address Book',
      'no se encuentra en el Directorio de Domino',
      "non répertorié dans l'annuaire Domino",
      'Domino ディレクトリには見つかりません',
    ],
  ],
  ['filtered', ['Cannot route mail to user']],
  ['systemerror', ['Several matches found in Domino Directory']],
];

export const domino: BounceParser = {
  id: 'domino',
  parse(mail: MailView): ParsedBounce | null {
    const subject = mail.headers.get('subject');
    if (!/^DELIVERY FAILURE:/i.test(subject) && !/DELIVERY_FAILURE/i.test(subject)) return null;
    const notice = readNotice(mail.text);
    const recipients = recipientsFromDsn(mail);
    if (recipients.length === 0) {
      for (const address of notice.addresses) recipients.push(recipientOf(address, notice.because));
    }
    for (const r of recipients) {
      if (!r.diagnosticCode) r.diagnosticCode = notice.because;
      const reason = reasonOfWording(r.diagnosticCode, DOMINO_WORDINGS);
      if (reason) r.reason = reason;
    }
    return recipients.length > 0 ? { recipients } : null;
  },
};

/** The addresses after "was not delivered to:" and the text after "because:". */
function readNotice(text: string): { addresses: string[]; because: string } {
  const addresses: string[] = [];
  const because: string[] = [];
  let section: 'none' | 'to' | 'because' = 'none';
  for (const line of noticeLines(text)) {
    if (/^was not delivered to:\s*$/i.test(line)) section = 'to';
    else if (/^because:\s*$/i.test(line)) section = 'because';
    else if (section === 'to' && isBareAddress(line)) addresses.push(line.trim().toLowerCase());
    else if (section === 'because' && line.trim()) because.push(line);
    else if (section === 'because' && because.length > 0) section = 'none';
  }
  return { addresses, because: squeeze(because.join(' ')) };
}
