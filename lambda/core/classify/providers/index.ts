// THE list of receiving-provider rules, tried in order before the general rules.
import type { ParsedRecipient } from '../../mta/parser.ts';
import type { Reason } from '../../types.ts';
import { type ProviderRule, servedBy, tableVerdict } from './provider.ts';

export const PROVIDERS: readonly ProviderRule[] = [];

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
