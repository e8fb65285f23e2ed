// THE ordered list of bounce-format parsers: the first that recognises a mail reads it.
// Specific formats first (each guards on headers or a marker line), RFC 3464 after them, then
// the auto-reply detector, which must not claim a bounce that merely says "auto-replied".
import { arf } from './arf.ts';
import { exchange2003 } from './exchange2003.ts';
import { exchange2007 } from './exchange2007.ts';
import { gmail } from './gmail.ts';
import { gmx } from './gmx.ts';
import { googlegroups } from './googlegroups.ts';
import { googleworkspace } from './googleworkspace.ts';
import { mailru } from './mailru.ts';
import { office365 } from './office365.ts';
import { outlook } from './outlook.ts';
import type { BounceParser } from './parser.ts';
import { postfix } from './postfix.ts';
import { rfc3464 } from './rfc3464.ts';
import { rfc3834 } from './rfc3834.ts';
import { sendmail } from './sendmail.ts';
import { yahoo } from './yahoo.ts';
import { yandex } from './yandex.ts';
import { zoho } from './zoho.ts';

export const PARSERS: readonly BounceParser[] = [
  arf,
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
  postfix,
  sendmail,
  exchange2007,
  rfc3464,
  rfc3834,
];
