// The reason a careful reader gives a lab bounce: the reply's own (the table's), unless the bounce
// legitimately lost what that reason rests on. The rules, with why, are in test/fixtures/mta-lab/README.md.
import type { Reason } from '../../lambda/core/types.ts';
import type { LabCase } from './cases.ts';
import { serverReply } from './replies.ts';

export interface Expected {
  reason: Reason;
  /** The status the reply carries; "" (not scored) when the bounce does not carry the reply. */
  status: string;
}

export function expectedOf(c: LabCase, bounce: string): Expected {
  // A temporary refusal the MTA retried until it gave up, written without the server's words (OpenSMTPD's
  // "Envelope expired", Sendmail's "Deferred" with no reply): all the bounce says is that it expired.
  if (c.reply && /^4/.test(c.reply.text) && !carriesReply(c.reply.text, bounce))
    return { reason: 'expired', status: '' };
  return { reason: c.reason, status: c.status };
}

const squeeze = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');

/** True when the bounce quotes the reply's own words (its first line after the codes, white space aside). */
export function carriesReply(reply: string, bounce: string): boolean {
  const first = serverReply(reply).lines[0] ?? '';
  const words = squeeze(first.replace(/^[245]\.\d{1,3}\.\d{1,3}\s*/, ''))
    .trim()
    .slice(0, 32);
  return words === '' || squeeze(bounce).includes(words);
}
