// The reply-table lines (fixtures/replies.tsv) the classifier reads differently from the table, each
// with its answer and why: the replies test pins them, and the MTA lab follows the same decisions.
import type { Reason } from '../../lambda/core/types.ts';

export const NO_COMMAND =
  'no SMTP command is known: Sisimai 5 (whose results the DEV and held-out Sisimai corpora are) reads user-unknown words not answered to RCPT TO as a filter (filtered), and 13 DEV mails rest on it; both are in the recipient-unknown class';
export const NEEDS_HOST =
  "the provider's meaning needs the host that answered, which the reply alone does not carry (Sisimai 5 too reads it from the remote host only)";

/** Table lines the classifier answers differently, with its answer and why. */
export const DISAGREEMENTS: ReadonlyArray<readonly [text: string, ours: Reason, why: string]> = [
  [
    'Command died with status 1: "/usr/bin/procmail". Command output: procmail: Quota exceeded while writing "/var/mail/alice"',
    'mailboxfull',
    "the delivery agent's own words say the mailbox is full: the remedy a support person needs (agents.ts)",
  ],
  [
    '452 4.5.3 Too many recipients: Too many messages sent',
    'toomanyconn',
    '"too many recipients" and X.5.3 are a limit per transaction (RFC 3463, Sisimai 5 toomanyconn)',
  ],
  ['Unknown user.', 'filtered', NO_COMMAND],
  [
    '421 4.7.0 Try again later, closing connection. This usually indicates a Denial of Service (DoS) for the SMTP relay at the HELO stage.',
    'securityerror',
    NEEDS_HOST,
  ],
  [
    '452 4.5.3 Domain policy size per transaction exceeded, please try this recipient in a separate transaction.',
    'policyviolation',
    NEEDS_HOST,
  ],
  [
    '550 5.7.25 Access denied, the sending IPv6 address [2001:db8::25] must have a reverse DNS record',
    'requireptr',
    'X.7.25 and the words both name reverse DNS (RFC 7372); the remedy is a PTR record',
  ],
  [
    '421 4.7.1 [TS03] All messages from 192.0.2.99 will be permanently deferred; Retrying will NOT succeed. See https://help.yahoo.com/kb/postmaster/SLN3436.html',
    'rejected',
    'Sisimai 5 rhost/for-yahooinc.go files "will be permanently deferred" under rejected',
  ],
  [
    '421 4.7.0 [TSS04] Messages from 192.0.2.192 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes',
    'badreputation',
    NEEDS_HOST,
  ],
  ['552 1 Requested action aborted, mailbox not found', 'filtered', NEEDS_HOST],
  [
    '553 - Message Filtered',
    'filtered',
    'Sisimai 5 lists "message filtered" under filtered and spamdetected; answered after DATA the filter reading comes first',
  ],
  [
    '460 too many messages (#4.3.0)',
    'speeding',
    'messages without "per connection" or "per session" are a message rate (Sisimai 5 speeding)',
  ],
  ['554 esmtp no data before greeting', 'blocked', NEEDS_HOST],
  ['452 requested action aborted: try again later', 'systemfull', NEEDS_HOST],
  ['421 message threshold exceeded', 'rejected', NEEDS_HOST],
  [
    '554 5.6.0 Duplicate header',
    'notcompliantrfc',
    'a duplicated header breaks RFC 5322; Sisimai 5 probes notcompliantrfc before contenterror, as the line notes',
  ],
  [
    'Name server: .: host not found',
    'hostunknown',
    'Sendmail writes "host not found" for any missing domain; the DEV corpus (lhost-sendmail-42) expects hostunknown for it',
  ],
  ['451 4.7.1 Greylisted, try again after some time', 'spamdetected', NEEDS_HOST],
  ['554 5.7.1 Email cannot be delivered. Reason: Email flagged as Spam.', 'spamdetected', NEEDS_HOST],
  ['541 5.4.1 Mail rejected by destination domain', 'onhold', NEEDS_HOST],
  ['450 busy--Please try again later', 'blocked', NEEDS_HOST],
  ['550 Rejected', 'onhold', 'the corpus mail names the command (EHLO: blocked); the table line does not'],
  [
    '550 Requested action not taken: mailbox unavailable (-0000000022:2222:-0000000022)',
    'filtered',
    NEEDS_HOST,
  ],
  [
    '421 4.7.0 [TSS04] Messages from 192.0.2.192 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.verizonmedia.com/error-codes',
    'badreputation',
    NEEDS_HOST,
  ],
  ['550 MAILBOX NOT FOUND', 'filtered', NO_COMMAND],
  ['550 <recipient@example.net> recipient rejected', 'filtered', NO_COMMAND],
  ['550 User [recipient@example.net] does not exist', 'filtered', NO_COMMAND],
  ['550 Recipient does not exist', 'filtered', NO_COMMAND],
  ['550 ** No mail box available for this user **', 'filtered', NO_COMMAND],
  [
    '550 BAD_RECIPIENT - see http://www.mail.sample.ac.uk/undelivered.php?r=BAD_RECIPIENT&e=YXBwMDlAYWJlci5hYy51aw==',
    'filtered',
    NO_COMMAND,
  ],
  ['550 Recipient does not exist on this system', 'filtered', NO_COMMAND],
  ['550 "recipient@example.net" is not a known user', 'filtered', NO_COMMAND],
  [
    '550 <this-local-part-does-not-exist-on-the-system@uqmobile.jp>: User unknown',
    'filtered',
    "the 5.1.1 is Sendmail's own reading of the bare 550 (smtptodsn), not the server's: the words answered DATA as the line gives them (the corpus mail is au's, and its provider rules read it userunknown)",
  ],
];
