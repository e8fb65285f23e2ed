// What each SMTP probe outcome means and what an operator should do, in Japanese and English, one file
// per topic. `{name}` placeholders are filled from the result (probe/interpret.ts).
import type { ConfigWarning, ProbeAdviceKey } from '../../probe/types.ts';
import type { Advice } from '../reasons.ts';
import { AUTH_ADVICE } from './auth.ts';
import { CONNECTION_ADVICE, CONNECTION_WARNING_ADVICE } from './connection.ts';
import { GREETING_ADVICE } from './greeting.ts';
import { SENDER_ADVICE } from './sender.ts';
import { TLS_ADVICE, TLS_WARNING_ADVICE } from './tls.ts';

export { ENVELOPE_ACCEPTED_NOTE } from './sender.ts';

/** The advice by topic; a key in two topics fails test/core/probe-catalogue.test.ts, one in none the compiler. */
export const PROBE_ADVICE_TOPICS = {
  auth: AUTH_ADVICE,
  connection: CONNECTION_ADVICE,
  greeting: GREETING_ADVICE,
  tls: TLS_ADVICE,
  sender: SENDER_ADVICE,
} as const;

export const PROBE_ADVICE: Readonly<Record<ProbeAdviceKey, Advice>> = {
  ...AUTH_ADVICE,
  ...CONNECTION_ADVICE,
  ...GREETING_ADVICE,
  ...TLS_ADVICE,
  ...SENDER_ADVICE,
};

export const CONFIG_WARNING_ADVICE: Readonly<Record<ConfigWarning, Advice>> = {
  ...CONNECTION_WARNING_ADVICE,
  ...TLS_WARNING_ADVICE,
};
