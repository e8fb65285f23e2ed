// Real notices of the classes the prose reader, the Sendmail block reader and the MDN reader were
// written for: Mailman's samples (flufl.bounce, LGPL-3) and BounceParser's (GPL/Artistic), copied
// under test/fixtures with their licences. Each row names the class of servers the mail stands for.
import { describe, expect, it } from 'vitest';
import { decodeFixture } from '../../helpers/corpus.ts';

describe.each([
  [
    'flufl-bounce',
    'microsoft_03.eml',
    'Microsoft SMTPSVC/CDO "could not be delivered to the following user"',
    'bounce',
    ['userx@example.com'],
  ],
  [
    'flufl-bounce',
    'microsoft_04.eml',
    'Exchange 5.5 X.400 "dda:SMTP=a@b;" (punctuation cleaned)',
    'bounce',
    ['userx@example.com'],
  ],
  [
    'flufl-bounce',
    'simple_10.eml',
    'Microsoft SMTP Service text DSN "Delivery to the following recipients failed."',
    'bounce',
    ['userx@example.com'],
  ],
  [
    'flufl-bounce',
    'simple_13.eml',
    'MIMEsweeper "A message could not be delivered to:", a DSN part without recipients',
    'bounce',
    ['userx@example.fr'],
  ],
  [
    'flufl-bounce',
    'simple_04.eml',
    'Smail "Failed addresses follow:" with "a@b ... unknown host"',
    'bounce',
    ['userx@example.com'],
  ],
  [
    'flufl-bounce',
    'simple_14.eml',
    '"unable to deliver your message to", and the address in a quoted refusal',
    'bounce',
    ['usery@example.com', 'userx@example.com'],
  ],
  ['flufl-bounce', 'simple_18.eml', 'LSMTP "Error-for:"', 'bounce', ['userx@example.com']],
  ['flufl-bounce', 'simple_23.eml', '"(Originally addressed to a@b)"', 'bounce', ['userx@example.it']],
  [
    'flufl-bounce',
    'simple_26.eml',
    '"Your message to a@b has reached ... no longer valid"',
    'bounce',
    ['userx@example.it'],
  ],
  ['flufl-bounce', 'simple_27.eml', 'MDaemon "a@b - no such user here."', 'bounce', ['userx@example.net.py']],
  [
    'flufl-bounce',
    'simple_37.eml',
    'phquery "Message not delivered to the following addresses", quoted-printable debris',
    'bounce',
    ['user@example.edu'],
  ],
  ['flufl-bounce', 'simple_38.eml', 'Dovecot LDA rejection MDN', 'bounce', ['userx@example.com']],
  ['flufl-bounce', 'simple_41.eml', 'MailEnable "Recipient: [SMTP:a@b]"', 'bounce', ['userx@example.com']],
  [
    'flufl-bounce',
    'sendmail_01.eml',
    'Sendmail without a DSN: address block and "(expanded from:)"',
    'bounce',
    ['zzzzz@shaft.coal.nl', 'zzzzz@nfg.nl'],
  ],
  [
    'flufl-bounce',
    'simple_35.eml',
    'Exchange advisory "has been postponed": a delay',
    'delay',
    ['calvin@example.com'],
  ],
  ['bounceparser', 'aol-senderblock.eml', 'AOL screen names', 'bounce', ['mykewlaolacct@aol.com']],
  ['bounceparser', 'aol.attachment.eml', 'AOL screen names', 'bounce', ['exampleuser@aol.com']],
  [
    'bounceparser',
    'warning-5.eml',
    'Exim autoreply-style refusal "You sent mail to a@b. That\'s not a valid user here."',
    'bounce',
    ['a@b.c'],
  ],
  [
    'bounceparser',
    'warning-7.eml',
    'Sendmail without a DSN, "(reason: 552 5.2.2 Over quota)"',
    'bounce',
    ['fred@mailgrp1.a.b.c'],
  ],
])('%s/%s', (set, file, _server, kind, addresses) => {
  it(`is a ${kind} for ${addresses.join(', ')}`, async () => {
    const report = await decodeFixture(set, file);
    expect(report.kind).toBe(kind);
    expect(report.recipients.map((r) => r.address).sort()).toEqual([...addresses].sort());
  });
});

describe.each([
  ['bounceparser', 'autoreply.eml'],
  ['bounceparser', 'warning-6.eml'],
])('%s/%s, an auto-reply', (set, file) => {
  it('is no bounce', async () => {
    expect((await decodeFixture(set, file)).kind).not.toBe('bounce');
  });
});
