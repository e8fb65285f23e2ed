// The lab's MTAs, in the order of MTAS (cases.ts).
import type { MtaName } from '../cases.ts';
import { courier } from './courier.ts';
import type { MtaDriver } from './driver.ts';
import { exim } from './exim.ts';
import { opensmtpd } from './opensmtpd.ts';
import { postfix } from './postfix.ts';
import { sendmail } from './sendmail.ts';

export const DRIVERS: Readonly<Record<MtaName, MtaDriver>> = { postfix, exim, opensmtpd, sendmail, courier };
