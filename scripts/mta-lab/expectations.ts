// The reason a careful reader gives a lab bounce: the reply's own (the table's), unless the bounce
// legitimately lost what that reason rests on. The rules, with why, are in test/fixtures/mta-lab/README.md.
import type { Reason } from '../../lambda/core/types.ts';
import { DISAGREEMENTS, NO_COMMAND } from '../../test/helpers/reply-disagreements.ts';
import { type Fault, type LabCase, type MtaName, senderOf } from './cases.ts';
import { serverReply, withLabAddresses } from './replies.ts';

export interface Expected {
  reason: Reason;
  /** The status the reply carries; "" (not scored) when the bounce does not carry the reply. */
  status: string;
}

/** The five MTAs' words for "I retried until the message's time was up", and nothing more. */
const GAVE_UP =
  /Envelope expired|could not be delivered for \d|retry timeout exceeded|Retry time not reached|failing for a long time/i;

export function expectedOf(c: LabCase, mta: MtaName, bounce: string): Expected {
  if (c.fault) return { reason: faultReason(c.fault, mta, bounce), status: '' };
  const sent = c.reply ? withLabAddresses(c.reply.text, c.stage, senderOf(c.id, mta), c.recipient) : '';
  if (carriesReply(sent, bounce)) return { reason: decided(c, mta), status: c.status };
  // A refusal the MTA took for a temporary one and retried until it gave up, written without the
  // server's words (OpenSMTPD retries a 5xx greeting and a 552, as RFC 5321 4.5.3.1.10 allows; its
  // notice then says "Envelope expired"; Sendmail's says "Deferred" with no reply): all the bounce says
  // is that the message expired, or (Courier's empty session block) nothing at all.
  return { reason: GAVE_UP.test(bounce) ? 'expired' : 'undefined', status: '' };
}

/**
 * The table's reason, or the classifier's where test/helpers/reply-disagreements.ts documents why it
 * reads the line otherwise; except a user-unknown line pinned only for lacking its command: the lab
 * answers it at RCPT TO, which the bounce names.
 */
function decided(c: LabCase, mta: MtaName): Reason {
  const pinned = DISAGREEMENTS.find(([text]) => text === c.reply?.text);
  if (pinned && pinned[2] !== NO_COMMAND) return pinned[1];
  // OpenSMTPD's bounce never names the command: nothing in it says that a user-unknown reply came
  // after DATA (the table's "filtered"), and the words say the recipient does not exist.
  if (
    mta === 'opensmtpd' &&
    c.reason === 'filtered' &&
    c.stage === 'DATA' &&
    USER_UNKNOWN.test(c.reply?.text ?? '')
  )
    return 'userunknown';
  return c.reason;
}

/** Words that say the recipient does not exist (the table's user-unknown lines answered after DATA). */
const USER_UNKNOWN = /user unknown|unknown user|no such user|does not exist|not found|invalid recipient/i;

const squeeze = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');

/** True when the bounce quotes the reply's own words (its first line after the codes, white space aside). */
export function carriesReply(reply: string, bounce: string): boolean {
  const first = serverReply(reply).lines[0] ?? '';
  const words = squeeze(first.replace(/^[245]\.\d{1,3}\.\d{1,3}\s*/, ''))
    .trim()
    .slice(0, 32);
  return words === '' || squeeze(bounce).includes(words);
}

/**
 * What each MTA writes for the lab's faults, where it is not the fault's own reason: the words the
 * bounce must hold (a re-run with other MTA versions fails here until they are checked again) and the
 * reason the reply table gives those words.
 */
const FAULT_WORDS: Partial<Record<Fault, Partial<Record<MtaName, readonly [string, Reason]>>>> = {
  silent: {
    // The reply table's Postfix line: a conversation that timed out is networkerror.
    postfix: ['timed out while receiving the initial server greeting', 'networkerror'],
    // Courier's notice names the recipient and nothing else.
    courier: ['Your message to the following recipients cannot be delivered', 'undefined'],
  },
  servfail: {
    // Exim and OpenSMTPD say only that they gave up, not why.
    exim: ['retry timeout exceeded', 'expired'],
    opensmtpd: ['Envelope expired', 'expired'],
  },
};

/** A connection refused or timed out until the MTA gave up is expired; a domain that does not exist is
 * hostunknown; a resolver that fails ("try again") is networkerror (docs/accuracy.md). */
const FAULT_REASON: Readonly<Record<Fault, Reason>> = {
  refused: 'expired',
  silent: 'expired',
  nxdomain: 'hostunknown',
  servfail: 'networkerror',
};

function faultReason(fault: Fault, mta: MtaName, bounce: string): Reason {
  const own = FAULT_WORDS[fault]?.[mta];
  if (!own) return FAULT_REASON[fault];
  if (!bounce.includes(own[0])) throw new Error(`${mta}'s bounce for ${fault} no longer says "${own[0]}"`);
  return own[1];
}
