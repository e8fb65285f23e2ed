// Formats that Sisimai reads but that have no mail in the DEV corpus: hand-written mails in each
// format's documented layout (test/fixtures/synthetic), and a check that each parser leaves the
// DEV corpus's mails of other engines alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBounce } from '../../../lambda/core/decode.ts';
import { readMail } from '../../../lambda/core/mail/read-mail.ts';
import { activehunter } from '../../../lambda/core/mta/formats/activehunter.ts';
import { biglobe } from '../../../lambda/core/mta/formats/biglobe.ts';
import { deutschetelekom } from '../../../lambda/core/mta/formats/deutschetelekom.ts';
import { einsundeins } from '../../../lambda/core/mta/formats/einsundeins.ts';
import { mailmarshal } from '../../../lambda/core/mta/formats/mailmarshal.ts';
import { mimecast } from '../../../lambda/core/mta/formats/mimecast.ts';
import { verizon } from '../../../lambda/core/mta/formats/verizon.ts';
import { x4 } from '../../../lambda/core/mta/formats/x4.ts';
import { x5 } from '../../../lambda/core/mta/formats/x5.ts';
import type { BounceParser } from '../../../lambda/core/mta/parser.ts';
import { PARSERS } from '../../../lambda/core/mta/registry.ts';
import type { Reason } from '../../../lambda/core/types.ts';
import { FIXTURES } from '../../helpers/corpus.ts';

/** address, status, reply code, SMTP command, and the reason when the format's own table names it. */
type Expected = [address: string, status: string, replyCode: string, command: string, reason?: Reason];

interface Case {
  file: string;
  parser: string;
  subject?: string;
  recipients: Expected[];
}

const CASES: Case[] = [
  {
    file: 'activehunter-01.eml',
    parser: 'activehunter',
    subject: 'Quarterly report',
    recipients: [['nobody-here@example.jp', '5.1.1', '550', '', 'userunknown']],
  },
  {
    file: 'activehunter-02.eml',
    parser: 'activehunter',
    recipients: [
      ['first@example.jp', '5.2.2', '552', ''],
      ['second@example.jp', '5.2.2', '552', ''],
    ],
  },
  // No codes in BIGLOBE's notice: the status is derived from the reason, as Sisimai does.
  {
    file: 'biglobe-01.eml',
    parser: 'biglobe',
    subject: 'Invoice 1',
    recipients: [['full-box@example.biglobe.ne.jp', '5.0.922', '', '', 'mailboxfull']],
  },
  {
    file: 'biglobe-02.eml',
    parser: 'biglobe',
    recipients: [['refuses@example.biglobe.ne.jp', '5.0.910', '', '', 'filtered']],
  },
  {
    file: 'einsundeins-01.eml',
    parser: 'einsundeins',
    subject: 'Holiday photos',
    recipients: [['large-inbox@example.eu', '5.0.934', '', '', 'mesgtoobig']],
  },
  // One reason after two addresses: it concerns both.
  {
    file: 'einsundeins-02.eml',
    parser: 'einsundeins',
    recipients: [
      ['first@example.de', '5.1.1', '550', ''],
      ['second@example.de', '5.1.1', '550', ''],
    ],
  },
  // No returned message: the notice's "Your message:" block gives the ticket its title.
  {
    file: 'mailmarshal-01.eml',
    parser: 'mailmarshal',
    subject: 'Project kickoff',
    recipients: [['left-company@example.net', '5.1.1', '550', '']],
  },
  {
    file: 'mailmarshal-02.eml',
    parser: 'mailmarshal',
    subject: 'Weekly digest',
    recipients: [
      ['reader-one@example.org', '4.2.2', '452', ''],
      ['reader-two@example.org', '4.2.2', '452', ''],
    ],
  },
  {
    file: 'verizon-01.eml',
    parser: 'verizon',
    subject: 'Appointment reminder',
    recipients: [['2025550100@vtext.com', '5.0.911', '550', '', 'userunknown']],
  },
  {
    file: 'verizon-02.eml',
    parser: 'verizon',
    subject: 'Delivery photo',
    recipients: [['2025550101@vzwpix.com', '5.0.911', '', '', 'userunknown']],
  },
  {
    file: 'x4-01.eml',
    parser: 'x4',
    subject: 'Shipping update',
    recipients: [['no-such-user@example.org', '5.1.1', '550', 'RCPT', 'userunknown']],
  },
  // "Connected to ... but sender was rejected": the sender address was refused.
  {
    file: 'x4-02.eml',
    parser: 'x4',
    subject: 'Factura de julio',
    recipients: [['destino@example.org', '5.7.1', '553', 'MAIL', 'rejected']],
  },
  // The report is wrapped in another mail: its delivery-status part is read from the attached message.
  {
    file: 'x5-01.eml',
    parser: 'x5',
    recipients: [['unknown-person@example.co.jp', '5.1.1', '550', '', 'userunknown']],
  },
  {
    file: 'deutschetelekom-01.eml',
    parser: 'deutschetelekom',
    subject: 'Club meeting',
    recipients: [['full-mailbox@t-online.de', '5.2.2', '552', '']],
  },
  {
    file: 'mimecast-01.eml',
    parser: 'mimecast',
    recipients: [['moved-away@example.org', '5.4.1', '', '']],
  },
  // IMSS's Japanese notice: a Japanese subject and labels, the command after ">>>", the reply after "<<<".
  {
    file: 'trendmicro-01.eml',
    parser: 'trendmicro',
    subject: 'Seminar invitation',
    recipients: [['missing-user@example.co.jp', '5.1.1', '550', 'RCPT', 'userunknown']],
  },
  // Bigfoot (Sisimai 4's Bigfoot) writes Sendmail's transcript and DSN: the Sendmail parser reads it.
  {
    file: 'bigfoot-01.eml',
    parser: 'sendmail',
    recipients: [['forwarded@example.net', '5.0.0', '553', 'RCPT']],
  },
];

const NEW_PARSERS: BounceParser[] = [
  activehunter,
  biglobe,
  deutschetelekom,
  einsundeins,
  mailmarshal,
  mimecast,
  verizon,
  x4,
  x5,
];

/** DEV corpus mails of other engines, some of them close cousins of the new formats. */
const OTHERS = [
  'lhost-exim-01.eml',
  'lhost-gmx-01.eml',
  'lhost-postfix-01.eml',
  'lhost-qmail-01.eml',
  'lhost-sendmail-01.eml',
  'lhost-x2-06.eml',
  'lhost-mfilter-02.eml',
  'rfc3464-37.eml',
  'rfc3834-06.eml',
  'rhost-franceptt-04.eml',
  'rhost-mimecast-01.eml',
];

/** Mails that a parser could read too, but that an earlier parser in the registry reads first. */
const READ_EARLIER: Record<string, string[]> = { x4: ['lhost-x2-06.eml'] };

const read = (dir: string, file: string) => readFileSync(join(FIXTURES, dir, file));

describe.each(CASES)('$file', ({ file, parser, subject, recipients }) => {
  it(`is read by ${parser}`, async () => {
    const report = await decodeBounce(read('synthetic', file));
    expect(report.decodedBy).toBe(parser);
    expect(report.recipients.map((r) => [r.address, r.status, r.replyCode, r.command])).toEqual(
      recipients.map(([address, status, replyCode, command]) => [address, status, replyCode, command]),
    );
    recipients.forEach(([, , , , reason], i) => {
      if (reason) expect(report.recipients[i]?.reason).toBe(reason);
    });
    if (subject) expect(report.original?.subject).toBe(subject);
  });
});

describe.each(NEW_PARSERS.map((p) => [p.id, p] as const))('%s', (id, parser) => {
  const others = OTHERS.filter((file) => !READ_EARLIER[id]?.includes(file));
  it.each(others)('does not claim %s', async (file) => {
    expect(parser.parse(readMail(read('sisimai', file)))).toBeNull();
  });
});

describe('the registry order of the formats that share wording with others', () => {
  const ids = PARSERS.map((p) => p.id);
  const triesFirst = (a: string, b: string) => expect(ids.indexOf(a)).toBeLessThan(ids.indexOf(b));

  it('tries the qmail clones (X4) after qmail, m-FILTER, X2 and Yahoo (a qmail descendant)', () => {
    for (const earlier of ['qmail', 'mfilter', 'x2', 'yahoo']) triesFirst(earlier, 'x4');
  });

  it('tries 1&1 before Exim, whose notice it rewords', () => triesFirst('einsundeins', 'exim'));
});
