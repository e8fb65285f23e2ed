// PowerMTA: "Delivery report" with a DSN whose X-PowerMTA-BounceCategory field is PowerMTA's own
// classification of the remote server's answer.

import { recipientsFromDsn } from '../../dsn/recipients.ts';
import type { MailView } from '../../mail/read-mail.ts';
import type { Reason } from '../../types.ts';
import type { BounceParser, ParsedBounce } from '../parser.ts';

const NOTICE = /^Hello, this is the mail server on /m;

/** The bounce categories that name one reason (bad-configuration, protocol-errors, other do not). */
const CATEGORIES: Readonly<Record<string, Reason>> = {
  'bad-domain': 'hostunknown',
  'bad-mailbox': 'userunknown',
  'inactive-mailbox': 'suspend',
  'invalid-sender': 'rejected',
  'message-expired': 'expired',
  'no-answer-from-host': 'networkerror',
  'policy-related': 'policyviolation',
  'quota-issues': 'mailboxfull',
  'relaying-issues': 'norelaying',
  'spam-related': 'spamdetected',
  'virus-related': 'virusdetected',
};

export const powermta: BounceParser = {
  id: 'powermta',
  parse(mail: MailView): ParsedBounce | null {
    const fromDsn = mail.deliveryStatus.some((part) => /^X-PowerMTA-/im.test(part));
    if (!fromDsn && !(/^Delivery report/i.test(mail.headers.get('subject')) && NOTICE.test(mail.text))) {
      return null;
    }
    const recipients = recipientsFromDsn(mail);
    if (recipients.length === 0) return null;
    const categories = bounceCategories(mail.deliveryStatus);
    if (categories.length === recipients.length) {
      recipients.forEach((r, i) => {
        const reason = CATEGORIES[categories[i] ?? ''];
        if (reason) r.reason = reason;
      });
    }
    return { recipients };
  },
};

/** The X-PowerMTA-BounceCategory of each recipient block, in order ("" for a block without one). */
function bounceCategories(parts: readonly string[]): string[] {
  const categories: string[] = [];
  for (const part of parts) {
    for (const block of part.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
      if (!/^(?:Final|Original)-Recipient:/im.test(block)) continue;
      const category = /^X-PowerMTA-BounceCategory:\s*([\w-]+)/im.exec(block)?.[1] ?? '';
      categories.push(category.toLowerCase());
    }
  }
  return categories;
}
