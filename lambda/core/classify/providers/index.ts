// THE list of receiving-provider rules, tried in order before the general rules.
import type { ParsedRecipient } from '../../mta/parser.ts';
import type { Reason } from '../../types.ts';
import { au } from './au.ts';
import { cox } from './cox.ts';
import { docomo } from './docomo.ts';
import { facebook } from './facebook.ts';
import { godaddy } from './godaddy.ts';
import { google } from './google.ts';
import { messagelabs } from './messagelabs.ts';
import { microsoft } from './microsoft.ts';
import { mimecast } from './mimecast.ts';
import { orange } from './orange.ts';
import { type ProviderRule, servedBy, tableVerdict } from './provider.ts';
import { spectrum } from './spectrum.ts';
import { tencent } from './tencent.ts';
import { yahoo } from './yahoo.ts';

export const PROVIDERS: readonly ProviderRule[] = [
  google,
  yahoo,
  microsoft,
  docomo,
  au,
  orange,
  cox,
  spectrum,
  godaddy,
  mimecast,
  tencent,
  facebook,
  messagelabs,
];

/** The verdict of the provider that serves the recipient, if it words this failure its own way. */
export function providerVerdict(recipient: ParsedRecipient, text: string): Reason | undefined {
  for (const provider of PROVIDERS) {
    if (servedBy(provider, recipient)) {
      const verdict = tableVerdict(provider, recipient, text);
      if (verdict) return verdict;
    }
  }
  return undefined;
}
