// THE table of decoder expectations: one row per mail file (under test/fixtures/), with what the decoder
// must read in it — the parser, the kind of message, the returned original's subject, and every
// recipient in order with the fields that matter for it. test/decoder.test.ts runs every row.
// Rows are sorted by parser id: a new format's rows go beside its id. The mails are the DEV corpus's
// (sisimai/, BSD-2-Clause, LICENSE there) and hand-written ones (synthetic/, README there). A status
// like 5.0.922 is derived from the reason when the mail gives none (Sisimai's X.0.9NN convention).
import type { MessageKind, Reason, RecipientResult } from '../../lambda/core/types.ts';

/**
 * One recipient as the decoder must report it. A field left out is not asserted, except `action`,
 * which is "failed" in a bounce and "delayed" in a delay notice unless the row says otherwise.
 */
export interface ExpectedRecipient {
  address: string;
  action?: RecipientResult['action'];
  status?: string;
  replyCode?: string;
  command?: string;
  reason?: Reason;
  remoteMta?: string;
  /** The server's words, or a pattern they match. */
  diagnosticCode?: string | RegExp;
}

export interface DecodedMail {
  /** The mail file, under test/fixtures/. */
  mail: string;
  /** The parser that reads it (its id, the report's `decodedBy`); "" when no parser claims it. */
  decodedBy: string;
  /** "bounce" when left out. */
  kind?: MessageKind;
  /** The subject of the returned original, when the row asserts it. */
  subject?: string;
  /** Every recipient, in the report's order. */
  recipients: readonly ExpectedRecipient[];
}

export const DECODED_MAILS: readonly DecodedMail[] = [
  {
    mail: 'synthetic/activehunter-01.eml',
    decodedBy: 'activehunter',
    subject: 'Quarterly report',
    recipients: [
      {
        address: 'nobody-here@example.jp',
        status: '5.1.1',
        replyCode: '550',
        command: '',
        reason: 'userunknown',
      },
    ],
  },
  {
    mail: 'synthetic/activehunter-02.eml',
    decodedBy: 'activehunter',
    recipients: [
      { address: 'first@example.jp', status: '5.2.2', replyCode: '552', command: '' },
      { address: 'second@example.jp', status: '5.2.2', replyCode: '552', command: '' },
    ],
  },
  {
    mail: 'sisimai/lhost-amavis-01.eml',
    decodedBy: 'amavis',
    recipients: [{ address: 'neko@example.co.jp', status: '5.1.1', replyCode: '550', command: '' }],
  },
  // SES's "5.1.0 - Unknown address error" wraps the server's own "5.2.2 ... Mailbox Full".
  {
    mail: 'sisimai/lhost-amazonses-03.eml',
    decodedBy: 'amazonses',
    recipients: [{ address: 'kijitora@example.jp', status: '5.2.2', replyCode: '550', command: '' }],
  },
  {
    mail: 'sisimai/lhost-amazonses-09.eml',
    decodedBy: 'amazonses',
    recipients: [
      { address: 'bounce@simulator.amazonses.com', status: '5.1.1', replyCode: '550', command: '' },
    ],
  },
  {
    mail: 'sisimai/lhost-amazonses-10.eml',
    decodedBy: 'amazonses',
    recipients: [
      { address: 'bounce@simulator.amazonses.com', status: '5.1.1', replyCode: '550', command: '' },
    ],
  },
  {
    mail: 'sisimai/lhost-amazonses-11.eml',
    decodedBy: 'amazonses',
    kind: 'feedback',
    recipients: [
      { address: 'complaint@simulator.amazonses.com', action: '', status: '', replyCode: '', command: '' },
    ],
  },
  {
    mail: 'sisimai/lhost-amazonses-12.eml',
    decodedBy: 'amazonses',
    kind: 'delivered',
    recipients: [
      {
        address: 'success@simulator.amazonses.com',
        action: 'delivered',
        status: '2.6.0',
        replyCode: '250',
        command: '',
      },
    ],
  },
  {
    mail: 'sisimai/lhost-amazonworkmail-01.eml',
    decodedBy: 'amazonworkmail',
    recipients: [{ address: 'kijitora@example.jp', status: '5.1.1', replyCode: '550', command: '' }],
  },
  // "554 4.4.7 Message expired ...<421 4.4.2 Connection timed out>": the last server reply counts.
  {
    mail: 'sisimai/lhost-amazonworkmail-07.eml',
    decodedBy: 'amazonworkmail',
    recipients: [{ address: 'kijitora@libsisimai.org', status: '4.4.2', replyCode: '421', command: 'CONN' }],
  },
  // Apache James: the recipient from "Message details", the reply below "Error message below".
  {
    mail: 'synthetic/apachejames-01.eml',
    decodedBy: 'apachejames',
    recipients: [{ address: 'nobody@example.com', status: '5.1.1', replyCode: '550' }],
  },
  {
    mail: 'sisimai/lhost-barracuda-01.eml',
    decodedBy: 'barracuda',
    recipients: [{ address: 'kijitora@example.org', status: '5.7.1', replyCode: '550', command: '' }],
  },
  // No codes in BIGLOBE's notice: the status is derived from the reason, as Sisimai does.
  {
    mail: 'synthetic/biglobe-01.eml',
    decodedBy: 'biglobe',
    subject: 'Invoice 1',
    recipients: [
      {
        address: 'full-box@example.biglobe.ne.jp',
        status: '5.0.922',
        replyCode: '',
        command: '',
        reason: 'mailboxfull',
      },
    ],
  },
  {
    mail: 'synthetic/biglobe-02.eml',
    decodedBy: 'biglobe',
    recipients: [
      {
        address: 'refuses@example.biglobe.ne.jp',
        status: '5.0.910',
        replyCode: '',
        command: '',
        reason: 'filtered',
      },
    ],
  },
  {
    mail: 'sisimai/lhost-courier-01.eml',
    decodedBy: 'courier',
    recipients: [{ address: 'kijitora@example.co.jp', status: '5.1.1', replyCode: '550', command: 'RCPT' }],
  },
  {
    mail: 'sisimai/lhost-courier-03.eml',
    decodedBy: 'courier',
    recipients: [{ address: 'kijitora@example.jp', status: '5.7.1', replyCode: '550', command: 'DATA' }],
  },
  {
    mail: 'synthetic/deutschetelekom-01.eml',
    decodedBy: 'deutschetelekom',
    subject: 'Club meeting',
    recipients: [{ address: 'full-mailbox@t-online.de', status: '5.2.2', replyCode: '552', command: '' }],
  },
  {
    mail: 'sisimai/lhost-domino-01.eml',
    decodedBy: 'domino',
    recipients: [{ address: 'kijitora@example.jp', status: '5.0.911', replyCode: '', command: '' }],
  },
  {
    mail: 'sisimai/lhost-domino-03.eml',
    decodedBy: 'domino',
    recipients: [{ address: 'kijitora@neko.example.org', status: '5.0.0', replyCode: '', command: '' }],
  },
  {
    mail: 'sisimai/lhost-dragonfly-02.eml',
    decodedBy: 'dragonfly',
    subject: 'Nyaan 01',
    recipients: [
      {
        address: 'pseudo-local-part@outlook.example.com',
        status: '5.7.509',
        replyCode: '550',
        command: 'DATA',
      },
    ],
  },
  {
    mail: 'sisimai/lhost-dragonfly-05.eml',
    decodedBy: 'dragonfly',
    recipients: [
      { address: 'authfailure@libsisimai.net', status: '5.7.26', replyCode: '550', command: 'RCPT' },
    ],
  },
  {
    mail: 'sisimai/lhost-dragonfly-29.eml',
    decodedBy: 'dragonfly',
    recipients: [{ address: 'expired@libsisimai.net', status: '5.0.947', replyCode: '', command: '' }],
  },
  {
    mail: 'synthetic/einsundeins-01.eml',
    decodedBy: 'einsundeins',
    subject: 'Holiday photos',
    recipients: [
      {
        address: 'large-inbox@example.eu',
        status: '5.0.934',
        replyCode: '',
        command: '',
        reason: 'mesgtoobig',
      },
    ],
  },
  // One reason after two addresses: it concerns both.
  {
    mail: 'synthetic/einsundeins-02.eml',
    decodedBy: 'einsundeins',
    recipients: [
      { address: 'first@example.de', status: '5.1.1', replyCode: '550', command: '' },
      { address: 'second@example.de', status: '5.1.1', replyCode: '550', command: '' },
    ],
  },
  {
    mail: 'sisimai/lhost-exchange2003-01.eml',
    decodedBy: 'exchange2003',
    recipients: [{ address: 'kijitora@example.jp', reason: 'userunknown' }],
  },
  {
    mail: 'sisimai/lhost-exchange2003-02.eml',
    decodedBy: 'exchange2003',
    recipients: [
      { address: 'kijitora@example.co.jp', status: '5.0.911', replyCode: '', command: '' },
      { address: 'mikeneko@example.co.jp', status: '5.0.911', replyCode: '', command: '' },
    ],
  },
  {
    mail: 'sisimai/lhost-exchange2003-03.eml',
    decodedBy: 'exchange2003',
    recipients: [{ address: 'kijitora@example.jp', status: '5.0.911', replyCode: '', command: '' }],
  },
  {
    mail: 'sisimai/lhost-exchange2007-01.eml',
    decodedBy: 'exchange2007',
    recipients: [{ address: 'mikeneko@example.co.jp', status: '5.1.1', replyCode: '550', command: '' }],
  },
  {
    mail: 'sisimai/lhost-exchange2007-03.eml',
    decodedBy: 'exchange2007',
    recipients: [
      {
        address: 'kijitora@neko.example.com',
        status: '5.2.3',
        replyCode: '550',
        command: '',
        reason: 'exceedlimit',
      },
    ],
  },
  // The newest attempt is Exchange's own "QUEUE.Expired"; the one before it says what went wrong.
  {
    mail: 'sisimai/lhost-exchange2007-05.eml',
    decodedBy: 'exchange2007',
    recipients: [
      { address: 'gwang1@student.mlcsyd.nsw.edu.au', status: '4.4.1', replyCode: '', command: 'CONN' },
    ],
  },
  {
    mail: 'sisimai/lhost-exim-02.eml',
    decodedBy: 'exim',
    recipients: [
      { address: 'kijitora@example.jp', status: '5.1.1', replyCode: '550', command: 'RCPT' },
      { address: 'sabatora@example.jp', status: '5.2.1', replyCode: '550', command: 'RCPT' },
    ],
  },
  // A bare local part in the notice: X-Failed-Recipients names the address.
  {
    mail: 'sisimai/lhost-exim-04.eml',
    decodedBy: 'exim',
    recipients: [{ address: 'kijitora@example.ed.jp', status: '5.7.0', replyCode: '550', command: 'MAIL' }],
  },
  // The server's words of an Exim notice, without its boilerplate.
  {
    mail: 'sisimai/lhost-exim-05.eml',
    decodedBy: 'exim',
    recipients: [
      {
        address: 'kijitora@neko.example.co.jp',
        status: '5.1.1',
        replyCode: '553',
        command: 'RCPT',
        remoteMta: 'mx49.neko.example.co.jp',
        diagnosticCode: '553 5.1.1 unknown or illegal user: kijitora@neko.example.co.jp',
      },
    ],
  },
  // "571" is no SMTP reply code; the refusal came at the greeting.
  {
    mail: 'sisimai/lhost-exim-32.eml',
    decodedBy: 'exim',
    recipients: [{ address: 'kijitora@example.net', replyCode: '', command: 'CONN' }],
  },
  // The subject of the message an Exim delay warning names.
  {
    mail: 'sisimai/lhost-exim-38.eml',
    decodedBy: 'exim',
    kind: 'delay',
    subject: 'Nyaan',
    recipients: [{ address: 'kijitora@example.co.jp', replyCode: '450', command: 'MAIL' }],
  },
  {
    mail: 'sisimai/lhost-exim-49.eml',
    decodedBy: 'exim',
    recipients: [{ address: 'kijitora@example.com', status: '5.0.0', replyCode: '550', command: 'EHLO' }],
  },
  {
    mail: 'sisimai/lhost-ezweb-02.eml',
    decodedBy: 'ezweb',
    recipients: [
      {
        address: 'this-local-part-does-not-exist-on-the-server@ezweb.ne.jp',
        status: '5.0.0',
        replyCode: '550',
        command: 'RCPT',
        reason: 'suspend',
      },
    ],
  },
  {
    mail: 'sisimai/lhost-ezweb-04.eml',
    decodedBy: 'ezweb',
    recipients: [
      {
        address: 'this-local-part-does-not-exist-on-the-server@ezweb.ne.jp',
        status: '5.0.911',
        replyCode: '550',
        command: 'RCPT',
      },
    ],
  },
  {
    mail: 'sisimai/lhost-ezweb-08.eml',
    decodedBy: 'ezweb',
    recipients: [
      {
        address: 'kijitora-neko-nyaan-22222-cats@hotmail.com',
        status: '5.0.971',
        replyCode: '550',
        command: 'MAIL',
      },
    ],
  },
  {
    mail: 'sisimai/lhost-fml-02.eml',
    decodedBy: 'fml',
    recipients: [
      {
        address: 'neko-nyaan@example.org',
        status: '5.0.918',
        replyCode: '',
        command: '',
        reason: 'rejected',
      },
    ],
  },
  {
    mail: 'sisimai/lhost-fml-03.eml',
    decodedBy: 'fml',
    subject: 'Nyaan',
    recipients: [
      { address: 'neko@example.co.jp', status: '5.0.930', replyCode: '', command: '', reason: 'systemerror' },
    ],
  },
  {
    mail: 'sisimai/lhost-gmail-01.eml',
    decodedBy: 'gmail',
    subject: 'TEST FROM GMAIL.COM',
    recipients: [{ address: 'userunknown@example.jp', status: '5.1.1', replyCode: '550', command: '' }],
  },
  {
    mail: 'sisimai/lhost-gmail-06.eml',
    decodedBy: 'gmail',
    kind: 'delay',
    recipients: [{ address: 'kijitora@example.jp', status: '4.2.2', replyCode: '450', command: 'RCPT' }],
  },
  {
    mail: 'sisimai/lhost-gmail-07.eml',
    decodedBy: 'gmail',
    recipients: [
      {
        address: 'kijitora@example.ed.jp',
        status: '5.0.976',
        replyCode: '500',
        command: 'MAIL',
        reason: 'failedstarttls',
      },
    ],
  },
  {
    mail: 'sisimai/lhost-gmail-10.eml',
    decodedBy: 'gmail',
    recipients: [
      { address: 'kijitora@6jo.example.co.jp', status: '5.0.947', replyCode: '', command: 'CONN' },
    ],
  },
  // Gmail: two recipients, one explanation: a wording the corpus lacks.
  {
    mail: 'synthetic/gmail-01.eml',
    decodedBy: 'gmail',
    recipients: [
      { address: 'one@example.jp', status: '5.0.912', replyCode: '', command: '' },
      { address: 'two@example.jp', status: '5.0.912', replyCode: '', command: '' },
    ],
  },
  {
    mail: 'sisimai/lhost-gmx-01.eml',
    decodedBy: 'gmx',
    recipients: [{ address: 'shironeko@example.jp', status: '5.2.2', replyCode: '', command: 'RCPT' }],
  },
  {
    mail: 'sisimai/lhost-gmx-01.eml',
    decodedBy: 'gmx',
    recipients: [{ address: 'shironeko@example.jp', status: '5.2.2', replyCode: '', command: 'RCPT' }],
  },
  {
    mail: 'sisimai/lhost-gmx-04.eml',
    decodedBy: 'gmx',
    recipients: [{ address: 'kijitora@6jo.example.co.jp', status: '5.0.947', replyCode: '', command: '' }],
  },
  // GMX: the whole SMTP error on one line: a wording the corpus lacks.
  {
    mail: 'synthetic/gmx-01.eml',
    decodedBy: 'gmx',
    recipients: [{ address: 'kijitora@example.jp', status: '5.1.1', replyCode: '550', command: 'RCPT' }],
  },
  {
    mail: 'sisimai/lhost-googlegroups-01.eml',
    decodedBy: 'googlegroups',
    recipients: [{ address: 'libsisimai@googlegroups.com', status: '5.0.918', replyCode: '', command: '' }],
  },
  {
    mail: 'sisimai/lhost-googlegroups-03.eml',
    decodedBy: 'googlegroups',
    recipients: [{ address: 'libsisimai@googlegroups.com', reason: 'rejected' }],
  },
  {
    mail: 'sisimai/lhost-googlegroups-09.eml',
    decodedBy: 'googlegroups',
    recipients: [{ address: 'libsisimai@googlegroups.com', status: '5.0.918', replyCode: '', command: '' }],
  },
  {
    mail: 'sisimai/lhost-googleworkspace-01.eml',
    decodedBy: 'googleworkspace',
    recipients: [
      {
        address: 'neko-nyaan-cat-meeting@google-groups.example.com',
        status: '5.0.918',
        replyCode: '',
        command: '',
      },
    ],
  },
  {
    mail: 'sisimai/lhost-imailserver-01.eml',
    decodedBy: 'imailserver',
    subject: 'Nyaaan',
    recipients: [{ address: 'kijitora@example.com', status: '5.0.911', replyCode: '', command: '' }],
  },
  {
    mail: 'sisimai/lhost-imailserver-04.eml',
    decodedBy: 'imailserver',
    recipients: [{ address: 'kijitora@example.com', status: '5.0.947', replyCode: '', command: '' }],
  },
  {
    mail: 'sisimai/lhost-kddi-01.eml',
    decodedBy: 'kddi',
    recipients: [
      {
        address: 'kijitora@x0000000000000.dion.ne.jp',
        status: '5.0.922',
        replyCode: '',
        command: '',
        reason: 'mailboxfull',
      },
    ],
  },
  {
    mail: 'sisimai/lhost-mailfoundry-01.eml',
    decodedBy: 'mailfoundry',
    recipients: [{ address: 'kijitora@example.org', status: '5.0.910', replyCode: '550', command: '' }],
  },
  // No returned message: the notice's "Your message:" block gives the ticket its title.
  {
    mail: 'synthetic/mailmarshal-01.eml',
    decodedBy: 'mailmarshal',
    subject: 'Project kickoff',
    recipients: [{ address: 'left-company@example.net', status: '5.1.1', replyCode: '550', command: '' }],
  },
  {
    mail: 'synthetic/mailmarshal-02.eml',
    decodedBy: 'mailmarshal',
    subject: 'Weekly digest',
    recipients: [
      { address: 'reader-one@example.org', status: '4.2.2', replyCode: '452', command: '' },
      { address: 'reader-two@example.org', status: '4.2.2', replyCode: '452', command: '' },
    ],
  },
  {
    mail: 'sisimai/lhost-mailru-01.eml',
    decodedBy: 'mailru',
    subject: 'Nyaaaan',
    recipients: [
      { address: 'kijitora@example.jp', status: '5.1.1', replyCode: '550', reason: 'userunknown' },
    ],
  },
  {
    mail: 'sisimai/lhost-mailru-03.eml',
    decodedBy: 'mailru',
    recipients: [
      { address: 'mikeneko@example.jp', status: '5.2.2', replyCode: '550', command: 'RCPT' },
      { address: 'sabineko@example.jp', status: '5.2.1', replyCode: '550', command: 'RCPT' },
    ],
  },
  {
    mail: 'sisimai/lhost-mailru-04.eml',
    decodedBy: 'mailru',
    recipients: [{ address: 'kijitora@example.jp', status: '5.1.1', replyCode: '550', command: 'RCPT' }],
  },
  {
    mail: 'sisimai/lhost-mailru-07.eml',
    decodedBy: 'mailru',
    recipients: [
      {
        address: 'otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp',
        status: '5.0.910',
        replyCode: '550',
        command: 'DATA',
      },
    ],
  },
  {
    mail: 'sisimai/lhost-mailru-09.eml',
    decodedBy: 'mailru',
    recipients: [{ address: 'kijitora@example.jp', status: '5.1.8', replyCode: '501', command: 'MAIL' }],
  },
  // Mail.ru: Exim's delay warning: a wording the corpus lacks.
  {
    mail: 'synthetic/mailru-01.eml',
    decodedBy: 'mailru',
    kind: 'delay',
    recipients: [{ address: 'neko@example.jp', status: '4.7.1', replyCode: '451', command: 'RCPT' }],
  },
  {
    mail: 'sisimai/lhost-mcafee-01.eml',
    decodedBy: 'mcafee',
    recipients: [{ address: 'kijitora@example.co.jp', replyCode: '550', command: '' }],
  },
  {
    mail: 'sisimai/lhost-mcafee-02.eml',
    decodedBy: 'mcafee',
    recipients: [{ address: 'kijitora@example.jp', status: '5.1.1', replyCode: '550', command: '' }],
  },
  {
    mail: 'sisimai/lhost-messagingserver-01.eml',
    decodedBy: 'messagingserver',
    recipients: [{ address: 'kijitora@example.jp', status: '5.1.1', replyCode: '550', command: '' }],
  },
  // The final recipient is a source route: the original address is the one the sender knows.
  {
    mail: 'sisimai/lhost-messagingserver-02.eml',
    decodedBy: 'messagingserver',
    recipients: [{ address: 'kijitora@example.net', status: '5.2.0', replyCode: '', command: '' }],
  },
  {
    mail: 'sisimai/lhost-messagingserver-11.eml',
    decodedBy: 'messagingserver',
    recipients: [{ address: 'kijitora@example.jp', status: '5.1.8', replyCode: '501', command: 'MAIL' }],
  },
  {
    mail: 'sisimai/lhost-mfilter-02.eml',
    decodedBy: 'mfilter',
    subject: 'Nyaan',
    recipients: [{ address: 'kijitora@example.co.jp', status: '5.1.1', replyCode: '550', command: 'DATA' }],
  },
  {
    mail: 'sisimai/lhost-mfilter-05.eml',
    decodedBy: 'mfilter',
    subject: 'ニャーン？',
    recipients: [{ address: 'kijitora@example.co.jp', status: '4.3.1', replyCode: '452', command: 'DATA' }],
  },
  {
    mail: 'synthetic/mimecast-01.eml',
    decodedBy: 'mimecast',
    recipients: [{ address: 'moved-away@example.org', status: '5.4.1', replyCode: '', command: '' }],
  },
  {
    mail: 'sisimai/lhost-mxlogic-01.eml',
    decodedBy: 'mxlogic',
    subject: 'Nyaaaan',
    recipients: [{ address: 'kijitora@example.co.jp', status: '5.1.1', replyCode: '550', command: '' }],
  },
  {
    mail: 'sisimai/lhost-mxlogic-03.eml',
    decodedBy: 'mxlogic',
    recipients: [{ address: 'kijitora@example.co.jp', status: '5.0.910', replyCode: '550', command: '' }],
  },
  {
    mail: 'sisimai/lhost-notes-01.eml',
    decodedBy: 'notes',
    subject: 'Nyaaaaaaan',
    recipients: [{ address: 'kijitora@u1.example.co.jp', status: '5.0.901', replyCode: '', command: '' }],
  },
  {
    mail: 'sisimai/lhost-notes-03.eml',
    decodedBy: 'notes',
    recipients: [{ address: 'kijitora@example.com', status: '5.0.911', replyCode: '', command: '' }],
  },
  {
    mail: 'sisimai/lhost-office365-01.eml',
    decodedBy: 'office365',
    subject: 'Nyaan',
    recipients: [{ address: 'kijitora@example.com', status: '5.1.10', replyCode: '550', command: '' }],
  },
  {
    mail: 'sisimai/lhost-office365-07.eml',
    decodedBy: 'office365',
    recipients: [
      {
        address: 'otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp',
        status: '5.1.351',
        replyCode: '550',
        command: 'RCPT',
      },
    ],
  },
  {
    mail: 'sisimai/lhost-office365-08.eml',
    decodedBy: 'office365',
    recipients: [{ address: 'nyaan@neko.example.jp', status: '4.4.316', replyCode: '450', command: 'CONN' }],
  },
  // Microsoft 365: no DSN and no section for administrators: a wording the corpus lacks.
  {
    mail: 'synthetic/office365-01.eml',
    decodedBy: 'office365',
    recipients: [{ address: 'neko@example.jp', status: '5.0.911', replyCode: '', command: '' }],
  },
  {
    mail: 'sisimai/lhost-opensmtpd-01.eml',
    decodedBy: 'opensmtpd',
    recipients: [
      { address: 'apdugoaidugoaidugoaeiudggadi@gmail.com', status: '5.1.1', replyCode: '550', command: '' },
    ],
  },
  {
    mail: 'sisimai/lhost-opensmtpd-13.eml',
    decodedBy: 'opensmtpd',
    kind: 'delay',
    recipients: [
      { address: 'pseudo-local-part-of-yahoo-inc@yahoo.com', status: '4.7.0', replyCode: '421', command: '' },
    ],
  },
  {
    mail: 'sisimai/lhost-opensmtpd-17.eml',
    decodedBy: 'opensmtpd',
    recipients: [
      { address: 'userunknown@libsisimai.net', status: '5.1.1', replyCode: '550', command: '' },
      { address: 'mailboxfull@libsisimai.net', status: '5.2.2', replyCode: '552', command: '' },
    ],
  },
  {
    mail: 'sisimai/lhost-outlook-01.eml',
    decodedBy: 'outlook',
    recipients: [{ address: 'kijitora@example.jp', status: '5.2.2', replyCode: '550', command: '' }],
  },
  {
    mail: 'sisimai/lhost-outlook-06.eml',
    decodedBy: 'outlook',
    kind: 'delay',
    recipients: [{ address: 'kijitora@example.com', status: '4.4.7', replyCode: '', command: '' }],
  },
  {
    mail: 'sisimai/lhost-outlook-07.eml',
    decodedBy: 'outlook',
    recipients: [{ address: 'kijitora@example.com', status: '4.4.7', replyCode: '', command: 'CONN' }],
  },
  {
    mail: 'sisimai/rfc3464-37.eml',
    decodedBy: 'plaintext',
    recipients: [{ address: 'kijitora@neko.nyaan.example.com', reason: 'hostunknown' }],
  },
  {
    mail: 'sisimai/rfc3464-38.eml',
    decodedBy: 'plaintext',
    recipients: [{ address: 'kijitora-nyaan@example.jp', reason: 'mailboxfull' }],
  },
  {
    mail: 'sisimai/rfc3464-39.eml',
    decodedBy: 'plaintext',
    recipients: [{ address: 'kijitora@nyaan.example.net', reason: 'onhold' }],
  },
  {
    mail: 'sisimai/lhost-powermta-01.eml',
    decodedBy: 'powermta',
    recipients: [{ address: 'kijitora@example.jp', status: '5.2.1', replyCode: '550', command: '' }],
  },
  {
    mail: 'sisimai/lhost-qmail-01.eml',
    decodedBy: 'qmail',
    subject: 'Message',
    recipients: [{ address: 'kijitora@example.ne.jp', status: '5.5.0', replyCode: '550', command: 'RCPT' }],
  },
  {
    mail: 'sisimai/lhost-qmail-04.eml',
    decodedBy: 'qmail',
    recipients: [
      {
        address: 'kijitora@example.net',
        status: '5.0.0',
        replyCode: '501',
        command: 'EHLO',
        reason: 'blocked',
      },
    ],
  },
  {
    mail: 'sisimai/lhost-qmail-05.eml',
    decodedBy: 'qmail',
    recipients: [
      { address: 'kijitora@example.net', status: '4.4.3', replyCode: '', command: '', reason: 'systemerror' },
    ],
  },
  {
    mail: 'sisimai/lhost-qmail-20.eml',
    decodedBy: 'qmail',
    recipients: [
      {
        address: 'pseudo-local-part-of-each-esp@gmail.com',
        status: '5.7.26',
        replyCode: '550',
        command: 'DATA',
      },
    ],
  },
  {
    mail: 'sisimai/lhost-qmail-21.eml',
    decodedBy: 'qmail',
    recipients: [{ address: 'libgsasl7-dev@email.example.jp', status: '5.1.1', replyCode: '', command: '' }],
  },
  {
    mail: 'sisimai/lhost-receivingses-03.eml',
    decodedBy: 'receivingses',
    recipients: [{ address: 'temperror@neko.example.jp', status: '4.0.0', replyCode: '450', command: '' }],
  },
  // A DSN without a Diagnostic-Code: the words come from the sentence that names the recipient.
  {
    mail: 'sisimai/rfc3464-65.eml',
    decodedBy: 'rfc3464',
    recipients: [{ address: 'kijitora@example.it', diagnosticCode: /because the address couldn't be found/ }],
  },
  {
    mail: 'sisimai/rhost-facebook-03.eml',
    decodedBy: 'rfc3464',
    recipients: [{ address: 'kijitora@facebook.com', status: '5.1.1', replyCode: '550', command: '' }],
  },
  // Recipient fields written before Final-Recipient, and a reply whose continuation lines are not indented.
  {
    mail: 'sisimai/rhost-messagelabs-01.eml',
    decodedBy: 'rfc3464',
    recipients: [
      { address: 'kijitora@example.messagelabs.com', status: '5.0.0', replyCode: '550', command: '' },
    ],
  },
  // An internationalised DSN (message/global-delivery-status, RFC 6533 address).
  {
    mail: 'synthetic/rfc3464-01.eml',
    decodedBy: 'rfc3464',
    recipients: [{ address: 'ユーザ@example.jp', status: '5.1.1', replyCode: '550' }],
  },
  // Dovecot: "Your message to <a@b> was automatically rejected:" with the reason.
  {
    mail: 'synthetic/rfc5429-01.eml',
    decodedBy: 'rfc5429',
    recipients: [{ address: 'a@example.net', diagnosticCode: 'Quota exceeded (mailbox for user is full)' }],
  },
  // A Sieve reject in any language: the disposition decides, not the words.
  {
    mail: 'synthetic/rfc5429-02.eml',
    decodedBy: 'rfc5429',
    recipients: [{ address: 'a@example.net' }],
  },
  {
    mail: 'sisimai/lhost-sendgrid-01.eml',
    decodedBy: 'sendgrid',
    recipients: [{ address: 'kijitora@example.jp', status: '5.1.1', replyCode: '550', command: 'RCPT' }],
  },
  // Bigfoot (Sisimai 4's Bigfoot) writes Sendmail's transcript and DSN: the Sendmail parser reads it.
  {
    mail: 'synthetic/bigfoot-01.eml',
    decodedBy: 'sendmail',
    recipients: [{ address: 'forwarded@example.net', status: '5.0.0', replyCode: '553', command: 'RCPT' }],
  },
  // A DSN whose Diagnostic-Code is the QUIT's 221: the failure reply in the transcript counts.
  {
    mail: 'synthetic/sendmail-01.eml',
    decodedBy: 'sendmail',
    recipients: [
      {
        address: 'a@example.net',
        status: '5.7.1',
        replyCode: '554',
        command: 'CONN',
        remoteMta: 'mx.example.net',
        diagnosticCode: /^554 5\.7\.1 Service unavailable/,
      },
    ],
  },
  // A DSN without a Diagnostic-Code: the reply to the recipient in the transcript.
  {
    mail: 'synthetic/sendmail-02.eml',
    decodedBy: 'sendmail',
    recipients: [
      { address: 'a@example.net', status: '5.1.1', replyCode: '550', command: 'DATA', reason: 'userunknown' },
    ],
  },
  // Without a DSN: the address blocks, the reason line, and the alias the sender used.
  {
    mail: 'synthetic/sendmail-03.eml',
    decodedBy: 'sendmail',
    recipients: [
      { address: 'a@mail.example.net', status: '5.2.2', replyCode: '552', reason: 'mailboxfull' },
      { address: 'a@example.net', status: '5.2.2', replyCode: '552', reason: 'mailboxfull' },
    ],
  },
  // Without a DSN: "transient non-fatal errors" is a delay notice.
  {
    mail: 'synthetic/sendmail-04.eml',
    decodedBy: 'sendmail',
    kind: 'delay',
    recipients: [{ address: 'a@example.net' }],
  },
  {
    mail: 'sisimai/lhost-surfcontrol-01.eml',
    decodedBy: 'surfcontrol',
    recipients: [{ address: 'kijitora@example.com', status: '5.0.0', replyCode: '550', command: '' }],
  },
  {
    mail: 'sisimai/lhost-trendmicro-02.eml',
    decodedBy: 'trendmicro',
    recipients: [{ address: 'kijitora@neko.example.jp', status: '5.0.911', replyCode: '', command: '' }],
  },
  {
    mail: 'sisimai/lhost-trendmicro-03.eml',
    decodedBy: 'trendmicro',
    recipients: [{ address: 'kijitora@example.jp', status: '5.0.911', replyCode: '', command: '' }],
  },
  // IMSS's Japanese notice: a Japanese subject and labels, the command after ">>>", the reply after "<<<".
  {
    mail: 'synthetic/trendmicro-01.eml',
    decodedBy: 'trendmicro',
    subject: 'Seminar invitation',
    recipients: [
      {
        address: 'missing-user@example.co.jp',
        status: '5.1.1',
        replyCode: '550',
        command: 'RCPT',
        reason: 'userunknown',
      },
    ],
  },
  {
    mail: 'sisimai/lhost-v5sendmail-05.eml',
    decodedBy: 'v5sendmail',
    recipients: [
      { address: 'kijitora@example.edu', status: '5.0.901', replyCode: '550', command: 'DATA' },
      { address: 'kuroneko@example.or.jp', status: '5.0.912', replyCode: '550', command: '' },
      { address: 'kijitora@example.org', status: '5.0.912', replyCode: '550', command: '' },
      { address: 'mikeneko@example.co.jp', status: '5.0.911', replyCode: '550', command: 'RCPT' },
    ],
  },
  {
    mail: 'sisimai/lhost-v5sendmail-06.eml',
    decodedBy: 'v5sendmail',
    subject: 'Nyaaaaan',
    recipients: [{ address: 'kijitora@example.edu', status: '5.0.909', replyCode: '550', command: 'MAIL' }],
  },
  {
    mail: 'synthetic/verizon-01.eml',
    decodedBy: 'verizon',
    subject: 'Appointment reminder',
    recipients: [
      {
        address: '2025550100@vtext.com',
        status: '5.0.911',
        replyCode: '550',
        command: '',
        reason: 'userunknown',
      },
    ],
  },
  {
    mail: 'synthetic/verizon-02.eml',
    decodedBy: 'verizon',
    subject: 'Delivery photo',
    recipients: [
      {
        address: '2025550101@vzwpix.com',
        status: '5.0.911',
        replyCode: '',
        command: '',
        reason: 'userunknown',
      },
    ],
  },
  {
    mail: 'sisimai/lhost-x1-01.eml',
    decodedBy: 'x1',
    recipients: [{ address: 'kijitora@example.co.jp', status: '5.0.910', replyCode: '', command: '' }],
  },
  {
    mail: 'sisimai/lhost-x2-05.eml',
    decodedBy: 'x2',
    recipients: [{ address: 'kijitora@y.example.com', status: '4.1.9', replyCode: '', command: '' }],
  },
  {
    mail: 'sisimai/lhost-x2-07.eml',
    decodedBy: 'x2',
    recipients: [{ address: 'kijitora@example.co.jp', status: '5.4.14', replyCode: '554', command: 'DATA' }],
  },
  {
    mail: 'sisimai/lhost-x3-01.eml',
    decodedBy: 'x3',
    recipients: [{ address: 'kijitora@example.com', status: '5.3.0', replyCode: '553', command: 'RCPT' }],
  },
  {
    mail: 'sisimai/lhost-x3-02.eml',
    decodedBy: 'x3',
    recipients: [{ address: 'kijitora@example.co.jp', status: '5.0.947', replyCode: '', command: '' }],
  },
  {
    mail: 'synthetic/x4-01.eml',
    decodedBy: 'x4',
    subject: 'Shipping update',
    recipients: [
      {
        address: 'no-such-user@example.org',
        status: '5.1.1',
        replyCode: '550',
        command: 'RCPT',
        reason: 'userunknown',
      },
    ],
  },
  // "Connected to ... but sender was rejected": the sender address was refused.
  {
    mail: 'synthetic/x4-02.eml',
    decodedBy: 'x4',
    subject: 'Factura de julio',
    recipients: [
      {
        address: 'destino@example.org',
        status: '5.7.1',
        replyCode: '553',
        command: 'MAIL',
        reason: 'rejected',
      },
    ],
  },
  // The report is wrapped in another mail: its delivery-status part is read from the attached message.
  {
    mail: 'synthetic/x5-01.eml',
    decodedBy: 'x5',
    recipients: [
      {
        address: 'unknown-person@example.co.jp',
        status: '5.1.1',
        replyCode: '550',
        command: '',
        reason: 'userunknown',
      },
    ],
  },
  {
    mail: 'sisimai/lhost-x6-01.eml',
    decodedBy: 'x6',
    recipients: [
      { address: 'kijitora@nyaan.example.org', status: '5.4.6', replyCode: '554', command: 'DATA' },
    ],
  },
  {
    mail: 'sisimai/lhost-x6-02.eml',
    decodedBy: 'x6',
    recipients: [{ address: 'kijitora@libsisimai.org', status: '5.1.1', replyCode: '550', command: 'RCPT' }],
  },
  {
    mail: 'sisimai/lhost-yahoo-01.eml',
    decodedBy: 'yahoo',
    recipients: [{ address: 'kijitora@example.org', status: '5.1.1', replyCode: '550', command: 'RCPT' }],
  },
  {
    mail: 'sisimai/lhost-yahoo-03.eml',
    decodedBy: 'yahoo',
    subject: 'Nyaaan',
    recipients: [{ address: 'kijitora@example.jp', status: '5.1.1', replyCode: '550', command: 'RCPT' }],
  },
  {
    mail: 'sisimai/lhost-yahoo-08.eml',
    decodedBy: 'yahoo',
    recipients: [{ address: 'mailboxfull@libsisimai.org', status: '5.2.2', replyCode: '550', command: '' }],
  },
  {
    mail: 'sisimai/lhost-yahoo-12.eml',
    decodedBy: 'yahoo',
    recipients: [{ address: 'kijitora@example.jp', status: '5.1.8', replyCode: '501', command: '' }],
  },
  // Yahoo: a refusal of the message body: a wording the corpus lacks.
  {
    mail: 'synthetic/yahoo-01.eml',
    decodedBy: 'yahoo',
    recipients: [{ address: 'neko@example.jp', status: '5.7.1', replyCode: '554', command: 'DATA' }],
  },
  {
    mail: 'sisimai/lhost-yandex-02.eml',
    decodedBy: 'yandex',
    recipients: [
      { address: 'mikeneko@example.jp', status: '5.2.1', replyCode: '550', command: 'RCPT' },
      { address: 'sabineko@example.jp', status: '5.2.2', replyCode: '550', command: 'RCPT' },
    ],
  },
  {
    mail: 'sisimai/lhost-zoho-02.eml',
    decodedBy: 'zoho',
    recipients: [
      { address: 'mikeneko@example.co.jp', status: '5.2.1', replyCode: '550', command: '' },
      { address: 'sabineko@example.co.jp', status: '5.2.2', replyCode: '550', command: '' },
    ],
  },
  {
    mail: 'sisimai/lhost-zoho-04.eml',
    decodedBy: 'zoho',
    kind: 'delay',
    recipients: [
      { address: 'kijitora@6kaku.example.co.jp', status: '4.0.947', replyCode: '421', command: '' },
    ],
  },
  // Not claimed by the plaintext reader: the sender is no mailer daemon.
  {
    mail: 'synthetic/plaintext-01.eml',
    decodedBy: '',
    kind: 'not-bounce',
    recipients: [],
  },
  // Not claimed by the plaintext reader: the subject does not say that a delivery failed.
  {
    mail: 'synthetic/plaintext-02.eml',
    decodedBy: '',
    kind: 'not-bounce',
    recipients: [],
  },
  // Not claimed by the plaintext reader: addresses on quoted header lines, lines without failure words.
  {
    mail: 'synthetic/plaintext-03.eml',
    decodedBy: '',
    kind: 'not-bounce',
    recipients: [],
  },
  // Read receipts and deletions by a person are no refusals.
  {
    mail: 'synthetic/rfc5429-03.eml',
    decodedBy: '',
    kind: 'not-bounce',
    recipients: [],
  },
  {
    mail: 'synthetic/rfc5429-04.eml',
    decodedBy: '',
    kind: 'not-bounce',
    recipients: [],
  },
  {
    mail: 'synthetic/rfc5429-05.eml',
    decodedBy: '',
    kind: 'not-bounce',
    recipients: [],
  },
];
