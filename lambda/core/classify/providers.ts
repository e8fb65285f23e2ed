// Where the receiving providers' servers are, so that their own codes and words (kept in each
// reason's rule file under `providers`) are read only where that provider answered.
import type { ParsedRecipient } from '../mta/parser.ts';

export const PROVIDER_IDS = [
  'google',
  'microsoft',
  'yahoo',
  'apple',
  'docomo',
  'au',
  'orange',
  'cox',
  'spectrum',
  'godaddy',
  'mimecast',
  'tencent',
  'facebook',
  'messagelabs',
] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export interface Provider {
  /** Host names of the provider's MX servers and relays (suffixes), matched to the remote or reporting MTA. */
  readonly hosts: readonly string[];
  /** Recipient domains the provider serves (suffixes). */
  readonly domains?: readonly string[];
  /** Wording only this provider's software writes (Exchange's "RESOLVER.ADR." component names). */
  readonly signature?: RegExp;
}

export const PROVIDERS: Readonly<Record<ProviderId, Provider>> = {
  google: {
    hosts: ['google.com', 'googlemail.com'],
    domains: ['gmail.com', 'googlemail.com'],
  },
  microsoft: {
    // Exchange Online and Outlook.com; Exchange Server on premises writes the same component codes.
    hosts: ['outlook.com', 'hotmail.com', 'onmicrosoft.com', 'exchangelabs.com'],
    domains: ['outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'outlook.jp', 'hotmail.co.jp', 'live.jp'],
    signature: /\b(?:resolver\.(?:adr|rst)|smtpsend|storedrv)\.|\.(?:prod|protection)\.outlook\.com\b/,
  },
  yahoo: { hosts: ['yahoodns.net', 'yahoo.com', 'aol.com'] },
  apple: {
    hosts: ['icloud.com', 'me.com', 'apple.com'],
    domains: ['icloud.com', 'me.com', 'mac.com'],
  },
  docomo: { hosts: ['docomo.ne.jp'], domains: ['docomo.ne.jp'] },
  au: { hosts: ['ezweb.ne.jp', 'au.com'], domains: ['ezweb.ne.jp', 'au.com'] },
  orange: {
    hosts: ['orange.fr', 'wanadoo.fr', 'laposte.net'],
    domains: ['orange.fr', 'wanadoo.fr', 'laposte.net'],
  },
  cox: { hosts: ['cox.net'], domains: ['cox.net'] },
  spectrum: {
    hosts: ['charter.net', 'rr.com', 'spectrum.net'],
    domains: ['charter.net', 'rr.com', 'spectrum.net', 'twc.com', 'brighthouse.com'],
  },
  godaddy: { hosts: ['secureserver.net'] },
  mimecast: { hosts: ['mimecast.com', 'mimecast.co.za', 'mimecast-offshore.com'] },
  tencent: { hosts: ['qq.com', 'exmail.qq.com'], domains: ['qq.com', 'foxmail.com'] },
  facebook: {
    hosts: ['facebook.com', 'fb.com', 'facebookmail.com'],
    domains: ['facebook.com'],
  },
  messagelabs: { hosts: ['messagelabs.com'] },
};

/** The providers whose servers answered for this recipient, in PROVIDER_IDS order. */
export function providersOf(recipient: ParsedRecipient, text: string): ProviderId[] {
  // "mx.example.jp. (192.0.2.1, the server for the domain example.jp.)" → "mx.example.jp"
  const mta = hostOf(recipient.remoteMta);
  // A gateway that wrote the report itself (MessageLabs, Google's relays) words the failure its way.
  const reporter = hostOf(recipient.reportingMta);
  const domain = recipient.address.slice(recipient.address.lastIndexOf('@') + 1).toLowerCase();
  return PROVIDER_IDS.filter((id) => {
    const provider = PROVIDERS[id];
    if (under(mta, provider.hosts) || under(reporter, provider.hosts)) return true;
    if (provider.domains && under(domain, provider.domains)) return true;
    return provider.signature?.test(text) ?? false;
  });
}

function hostOf(field: string | undefined): string {
  return (field ?? '').toLowerCase().split(/[\s(]/)[0]?.replace(/\.$/, '') ?? '';
}

function under(host: string, suffixes: readonly string[]): boolean {
  return host !== '' && suffixes.some((s) => host === s || host.endsWith(`.${s}`));
}
