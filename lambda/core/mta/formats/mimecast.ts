// Mimecast as the sending side: "[Postmaster] Email Delivery Failure" (Message-Id at *.mimecast.lan),
// each item on a line of its own after "-- ":
//   An email that you attempted to send to the following address could not be delivered:
//   -- user@example.net
//   The problem appears to be :
//   -- Recipient email address is possibly incorrect
//   Additional information follows :
//   -- 5.4.1 Recipient address rejected: Access denied.
// and sometimes a DSN, whose fields complete the notice.

import { recipientsFromDsn } from '../../dsn/recipients.ts';
import type { MailView } from '../../mail/read-mail.ts';
import { squeeze } from '../../text.ts';
import { isBareAddress, noticeLines, recipientOf } from '../notice.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const ITEM = /^-- (.+)$/;

export const mimecast: BounceParser = {
  id: 'mimecast',
  parse(mail: MailView): ParsedBounce | null {
    const fromMimecast =
      mail.headers.get('subject').includes('Email Delivery Failure') ||
      /\.mimecast\.lan>\s*$/i.test(mail.headers.get('message-id'));
    if (!fromMimecast) return null;
    const blocks: Array<[string, string[]]> = [];
    for (const line of noticeLines(mail.text)) {
      const item = ITEM.exec(line)?.[1]?.trim();
      if (!item) continue;
      if (isBareAddress(item)) blocks.push([item.toLowerCase(), []]);
      else blocks.at(-1)?.[1].push(item);
    }
    if (blocks.length === 0) return null;
    const dsn = recipientsFromDsn(mail);
    return { recipients: blocks.map(([address, words]) => toRecipient(address, words, dsn)) };
  },
};

function toRecipient(
  address: string,
  words: readonly string[],
  dsn: readonly ParsedRecipient[],
): ParsedRecipient {
  const fields = dsn.find((d) => d.address === address);
  // The DSN's Diagnostic-Code is the remote server's own reply; the notice's items explain it.
  const r = recipientOf(address, fields?.diagnosticCode || squeeze(words.join(' ')), {
    remoteMta: fields?.remoteMta ?? '',
    action: fields?.action ?? '',
  });
  if (fields?.status && !r.status) r.status = fields.status;
  return r;
}
