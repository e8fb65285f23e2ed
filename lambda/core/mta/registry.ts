// THE ordered list of bounce-format parsers: the first that recognises a mail reads it.
// Specific formats first (each guards on headers or a marker line), RFC 3464 after them, then
// the auto-reply detector, which must not claim a bounce that merely says "auto-replied".
import { activehunter } from './activehunter.ts';
import { amavis } from './amavis.ts';
import { amazonses } from './amazonses.ts';
import { amazonworkmail } from './amazonworkmail.ts';
import { apachejames } from './apachejames.ts';
import { arf } from './arf.ts';
import { barracuda } from './barracuda.ts';
import { biglobe } from './biglobe.ts';
import { courier } from './courier.ts';
import { deutschetelekom } from './deutschetelekom.ts';
import { domino } from './domino.ts';
import { dragonfly } from './dragonfly.ts';
import { einsundeins } from './einsundeins.ts';
import { exchange2003 } from './exchange2003.ts';
import { exchange2007 } from './exchange2007.ts';
import { exim } from './exim.ts';
import { ezweb } from './ezweb.ts';
import { fml } from './fml.ts';
import { gmail } from './gmail.ts';
import { gmx } from './gmx.ts';
import { googlegroups } from './googlegroups.ts';
import { googleworkspace } from './googleworkspace.ts';
import { imailserver } from './imailserver.ts';
import { kddi } from './kddi.ts';
import { mailfoundry } from './mailfoundry.ts';
import { mailmarshal } from './mailmarshal.ts';
import { mailru } from './mailru.ts';
import { mcafee } from './mcafee.ts';
import { messagingserver } from './messagingserver.ts';
import { mfilter } from './mfilter.ts';
import { mimecast } from './mimecast.ts';
import { mxlogic } from './mxlogic.ts';
import { notes } from './notes.ts';
import { office365 } from './office365.ts';
import { opensmtpd } from './opensmtpd.ts';
import { outlook } from './outlook.ts';
import type { BounceParser } from './parser.ts';
import { plaintext } from './plaintext.ts';
import { postfix } from './postfix.ts';
import { powermta } from './powermta.ts';
import { qmail } from './qmail.ts';
import { receivingses } from './receivingses.ts';
import { rfc3464 } from './rfc3464.ts';
import { rfc3834 } from './rfc3834.ts';
import { rfc5429 } from './rfc5429.ts';
import { sendgrid } from './sendgrid.ts';
import { sendmail } from './sendmail.ts';
import { surfcontrol } from './surfcontrol.ts';
import { trendmicro } from './trendmicro.ts';
import { v5sendmail } from './v5sendmail.ts';
import { verizon } from './verizon.ts';
import { x1 } from './x1.ts';
import { x2 } from './x2.ts';
import { x3 } from './x3.ts';
import { x4 } from './x4.ts';
import { x5 } from './x5.ts';
import { x6 } from './x6.ts';
import { yahoo } from './yahoo.ts';
import { yandex } from './yandex.ts';
import { zoho } from './zoho.ts';

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
