// Google Workspace / Gmail notices that name the failure in a "** ... **" title and give no
// recipient in a DSN: Gmail's explanation, then "The response was:" and the error itself.

import type { MailView } from '../../mail/read-mail.ts';
import { findReplyCode, findStatus } from '../../smtp/codes.ts';
import { findCommand } from '../../smtp/commands.ts';
import { addressesIn, MATCH_LIMIT, squeeze } from '../../text.ts';
import { attachedOriginalHeaders } from '../original.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const SENDER = /<?mailer-daemon@(?:googlemail|gmail)\.com>?/i;
const SUBJECT = /^Delivery Status Notification\b/i;
const TITLE = /^\*\* ?[^*\n]{3,80} ?\*\*\s*$/m;
const RESPONSE = /^The response (?:from the remote server )?was:\s*$/im;

/** Google's own explanations, and what they mean. */
const GOOGLE_WORDS: ReadonlyArray<[RegExp, NonNullable<ParsedRecipient['reason']>]> = [
  [/\bbecause the address couldn't be found\b/i, 'userunknown'],
  [/\bbecause the domain \S+ couldn't be found\b/i, 'hostunknown'],
  // "Send mail as" with another provider's SMTP server: the sender's own account settings are
  // refused, not the recipient (support.google.com/mail/?p=CustomFromDenied).
  [/\busing the 'Send mail as' feature\b/i, 'rejected'],
];

export const googleworkspace: BounceParser = {
  id: 'googleworkspace',
  parse(mail: MailView): ParsedBounce | null {
    if (!SENDER.test(mail.headers.get('from')) || !SUBJECT.test(mail.headers.get('subject'))) return null;
    if (mail.deliveryStatus.some((part) => /^Final-Recipient:/im.test(part))) return null;
    const text = mail.text.slice(0, MATCH_LIMIT);
    const title = TITLE.exec(text);
    if (!title) return null;
    const body = text.slice(title.index);
    const responseAt = RESPONSE.exec(body);
    const response = responseAt ? squeeze(body.slice(responseAt.index + responseAt[0].length)) : '';
    const explanation = squeeze(responseAt ? body.slice(0, responseAt.index) : body);
    const words = response || explanation;
    const reason = GOOGLE_WORDS.find(([pattern]) => pattern.test(explanation))?.[1];
    const recipient: Omit<ParsedRecipient, 'address'> = {
      action: 'failed',
      status: findStatus(response),
      replyCode: findReplyCode(response),
      diagnosticCode: words,
      command: findCommand(words),
      ...(reason ? { reason } : {}),
    };
    const recipients = recipientAddresses(mail, explanation).map((address) => ({ address, ...recipient }));
    return recipients.length > 0 ? { recipients } : null;
  },
};

/** X-Failed-Recipients, else the address the explanation names, else the returned message's To. */
function recipientAddresses(mail: MailView, explanation: string): string[] {
  const failed = addressesIn(mail.headers.get('x-failed-recipients'));
  if (failed.length > 0) return failed;
  const named = /\bdelivered to ([^\s@]+@[\w.-]+\w)/.exec(explanation)?.[1];
  if (named) return addressesIn(named);
  return addressesIn(attachedOriginalHeaders(mail).get('to'));
}
