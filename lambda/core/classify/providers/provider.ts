// The shape of a receiving-provider rule: where a provider's servers are, and how it words reasons.
import type { ParsedRecipient } from '../../mta/parser.ts';
import type { Reason } from '../../types.ts';

export interface ProviderRule {
  readonly id: string;
  /** Host names of the provider's MX servers (suffixes), matched against the remote MTA. */
  readonly hosts: readonly string[];
  /** Recipient domains the provider serves (suffixes). */
  readonly domains?: readonly string[];
  /** The provider's own wording: [status, reply code, or a phrase] → reason; first match wins. */
  readonly table: ReadonlyArray<readonly [pattern: string | RegExp, reason: Reason]>;
}

export function servedBy(rule: ProviderRule, recipient: ParsedRecipient): boolean {
  // "mx.example.jp. (192.0.2.1, the server for the domain example.jp.)" → "mx.example.jp"
  const mta = (recipient.remoteMta ?? '').toLowerCase().split(/[\s(]/)[0]?.replace(/\.$/, '') ?? '';
  if (mta && rule.hosts.some((h) => mta === h || mta.endsWith(`.${h}`))) return true;
  // A gateway that wrote the report itself (MessageLabs, Google's relays) words the failure its way.
  const reporter = (recipient.reportingMta ?? '').toLowerCase();
  if (reporter && rule.hosts.some((h) => reporter === h || reporter.endsWith(`.${h}`))) return true;
  const domain = recipient.address.slice(recipient.address.lastIndexOf('@') + 1).toLowerCase();
  return rule.domains?.some((d) => domain === d || domain.endsWith(`.${d}`)) ?? false;
}

/** The provider's verdict for a recipient; `text` is the normalised diagnostic. */
export function tableVerdict(
  rule: ProviderRule,
  recipient: ParsedRecipient,
  text: string,
): Reason | undefined {
  const status = recipient.status ?? '';
  for (const [pattern, reason] of rule.table) {
    if (typeof pattern === 'string' ? text.includes(pattern) || status === pattern : pattern.test(text)) {
      return reason;
    }
  }
  return undefined;
}
