// THE ordered list of bounce-format parsers: the first that recognises a mail reads it.
// Specific formats first (each guards on headers or a marker line), RFC 3464 after them, then
// the auto-reply detector, which must not claim a bounce that merely says "auto-replied".
import { activehunter } from './formats/activehunter.ts';
import { amavis } from './formats/amavis.ts';
import { amazonses } from './formats/amazonses.ts';
import { amazonworkmail } from './formats/amazonworkmail.ts';
import { apachejames } from './formats/apachejames.ts';
import { arf } from './formats/arf.ts';
import { barracuda } from './formats/barracuda.ts';
import { biglobe } from './formats/biglobe.ts';
import { courier } from './formats/courier.ts';
import { deutschetelekom } from './formats/deutschetelekom.ts';
import { domino } from './formats/domino.ts';
import { dragonfly } from './formats/dragonfly.ts';
import { einsundeins } from './formats/einsundeins.ts';
import { exchange2003 } from './formats/exchange2003.ts';
import { exchange2007 } from './formats/exchange2007.ts';
import { exim } from './formats/exim.ts';
import { ezweb } from './formats/ezweb.ts';
import { fml } from './formats/fml.ts';
import { gmail } from './formats/gmail.ts';
import { gmx } from './formats/gmx.ts';
import { googlegroups } from './formats/googlegroups.ts';
import { googleworkspace } from './formats/googleworkspace.ts';
import { imailserver } from './formats/imailserver.ts';
import { kddi } from './formats/kddi.ts';
import { mailfoundry } from './formats/mailfoundry.ts';
import { mailmarshal } from './formats/mailmarshal.ts';
import { mailru } from './formats/mailru.ts';
import { mcafee } from './formats/mcafee.ts';
import { messagingserver } from './formats/messagingserver.ts';
import { mfilter } from './formats/mfilter.ts';
import { mimecast } from './formats/mimecast.ts';
import { mxlogic } from './formats/mxlogic.ts';
import { notes } from './formats/notes.ts';
import { office365 } from './formats/office365.ts';
import { opensmtpd } from './formats/opensmtpd.ts';
import { outlook } from './formats/outlook.ts';
import { plaintext } from './formats/plaintext.ts';
import { postfix } from './formats/postfix.ts';
import { powermta } from './formats/powermta.ts';
import { qmail } from './formats/qmail.ts';
import { receivingses } from './formats/receivingses.ts';
import { rfc3464 } from './formats/rfc3464.ts';
import { rfc3834 } from './formats/rfc3834.ts';
import { rfc5429 } from './formats/rfc5429.ts';
import { sendgrid } from './formats/sendgrid.ts';
import { sendmail } from './formats/sendmail.ts';
import { surfcontrol } from './formats/surfcontrol.ts';
import { trendmicro } from './formats/trendmicro.ts';
import { v5sendmail } from './formats/v5sendmail.ts';
import { verizon } from './formats/verizon.ts';
import { x1 } from './formats/x1.ts';
import { x2 } from './formats/x2.ts';
import { x3 } from './formats/x3.ts';
import { x4 } from './formats/x4.ts';
import { x5 } from './formats/x5.ts';
import { x6 } from './formats/x6.ts';
import { yahoo } from './formats/yahoo.ts';
import { yandex } from './formats/yandex.ts';
import { zoho } from './formats/zoho.ts';
import type { BounceParser } from './parser.ts';

export const PARSERS: readonly BounceParser[] = [
  arf,
  // SendGrid before Postfix: both say "Undelivered Mail Returned to Sender".
  sendgrid,
  // Mailbox providers as senders: their notices have strict guards (From, Message-Id, markers).
  googlegroups,
  gmail,
  googleworkspace,
  yahoo,
  mailru,
  yandex,
  gmx,
  zoho,
  outlook,
  office365,
  exchange2003,
  // Formats without a mail in the DEV corpus, each behind a strict header or marker guard: before the
  // generic Sendmail and Exim readers, which would read their DSN or transcript but not their wording.
  activehunter,
  biglobe,
  mailmarshal,
  verizon,
  x5,
  deutschetelekom,
  mimecast,
  postfix,
  sendmail,
  // Exchange 2007+ after Postfix and Sendmail: its guard is a subject and notice wording.
  exchange2007,
  // m-FILTER before qmail: both say "failure notice". MX Logic before Exim: it writes Exim's notice.
  mfilter,
  qmail,
  dragonfly,
  mxlogic,
  courier,
  domino,
  notes,
  amavis,
  barracuda,
  surfcontrol,
  trendmicro,
  mailfoundry,
  apachejames,
  fml,
  // EZweb before KDDI: both are au's.
  ezweb,
  kddi,
  imailserver,
  x1,
  x3,
  x6,
  // 1&1 before Exim: it rewords Exim's notice ("For the following reason:").
  einsundeins,
  // Exim after the services built on it (MX Logic, Mail.ru, GMX), which have their own guards.
  exim,
  opensmtpd,
  messagingserver,
  // WorkMail, SES inbound, SES: all from amazonses.com hosts, the most specific first.
  amazonworkmail,
  receivingses,
  amazonses,
  powermta,
  mcafee,
  // Looser guards (a subject and a notice line): after the formats above.
  v5sendmail,
  x2,
  // The qmail clones after qmail, m-FILTER and X2, which share their subjects and sentences.
  x4,
  // Sieve/LDA refusals come as MDNs, not DSNs: no other parser reads their disposition part.
  rfc5429,
  rfc3464,
  // Plain-text notices no parser above knows: a mailer daemon's failure words next to an address.
  plaintext,
  rfc3834,
];
