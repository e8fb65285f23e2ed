// THE ordered list of bounce-format parsers: the first that recognises a mail reads it.
// Specific formats first (each guards on headers or a marker line), RFC 3464 after them, then
// the auto-reply detector, which must not claim a bounce that merely says "auto-replied".
import { amazonses } from './amazonses.ts';
import { amazonworkmail } from './amazonworkmail.ts';
import { arf } from './arf.ts';
import { exim } from './exim.ts';
import { mcafee } from './mcafee.ts';
import { messagingserver } from './messagingserver.ts';
import { opensmtpd } from './opensmtpd.ts';
import type { BounceParser } from './parser.ts';
import { postfix } from './postfix.ts';
import { powermta } from './powermta.ts';
import { receivingses } from './receivingses.ts';
import { rfc3464 } from './rfc3464.ts';
import { rfc3834 } from './rfc3834.ts';
import { sendgrid } from './sendgrid.ts';
import { sendmail } from './sendmail.ts';

export const PARSERS: readonly BounceParser[] = [
  arf,
  sendgrid,
  postfix,
  sendmail,
  exim,
  opensmtpd,
  messagingserver,
  amazonworkmail,
  receivingses,
  amazonses,
  powermta,
  mcafee,
  rfc3464,
  rfc3834,
];
