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
  'comcast',
  'iua',
] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export interface Provider {
  /** Host names of the provider's MX servers and relays (suffixes), matched to the remote or reporting MTA. */
  readonly hosts: readonly string[];
  /** Recipient domains the provider serves (suffixes). */
  readonly domains?: readonly string[];
  /**
   * What only this provider writes in its replies: its help pages' addresses, its own error-code
   * scheme, its software's component names. A reply read on its own (no host known) is recognised by it.
   */
  readonly signature?: RegExp;
}

export const PROVIDERS: Readonly<Record<ProviderId, Provider>> = {
  google: {
    hosts: ['google.com', 'googlemail.com'],
    domains: ['gmail.com', 'googlemail.com'],
    // "- gsmtp" ends every reply of Gmail's SMTP servers.
    signature: /\bsupport\.google\.com\b|\bgsmtp\b|about smtp error messages|\bgmail\b/,
  },
  microsoft: {
    // Exchange Online and Outlook.com; Exchange Server on premises writes the same component codes.
    hosts: ['outlook.com', 'hotmail.com', 'onmicrosoft.com', 'exchangelabs.com'],
    domains: ['outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'outlook.jp', 'hotmail.co.jp', 'live.jp'],
    // Exchange's component names, its hosts, Outlook.com's postmaster pages, and the status details
    // above 99 (5.7.606, 5.1.351) that only Exchange writes: the IANA registry stops below 100.
    signature:
      /\b(?:resolver\.(?:adr|rst)|smtpsend|storedrv)\.|\.(?:prod|protection)\.outlook\.com\b|\bmail\.live\.com\b|single label domains not accepted|reserved by rfc 2606|\b[45]\.(?:[1-7]\.[1-9]\d\d|0\.[1-8]\d\d)\b/,
  },
  yahoo: {
    hosts: ['yahoodns.net', 'yahoo.com', 'aol.com'],
    // Yahoo's qmail-based "delivery error: dd ..." and its MTAs' host names in the reply.
    signature: /\bdelivery error: dd\b|\.mail\.[a-z0-9]+\.yahoo\.com\b|\bvs1-(?:ip|mf)\b/,
  },
  apple: {
    hosts: ['icloud.com', 'me.com', 'apple.com'],
    domains: ['icloud.com', 'me.com', 'mac.com'],
    signature: /\bsupport\.apple\.com\b|\bicloud\.com\b/,
  },
  docomo: { hosts: ['docomo.ne.jp'], domains: ['docomo.ne.jp'] },
  au: { hosts: ['ezweb.ne.jp', 'au.com'], domains: ['ezweb.ne.jp', 'au.com'] },
  orange: {
    hosts: ['orange.fr', 'wanadoo.fr', 'laposte.net'],
    domains: ['orange.fr', 'wanadoo.fr', 'laposte.net'],
    // Orange's and La Poste's error labels: OFR_416, OFR006_102, LPN007_426, OUK_513.
    signature: /\b(?:ofr|lpn|ouk)(?:aaa|\d{3})?_\d{3}\b/,
  },
  cox: { hosts: ['cox.net'], domains: ['cox.net'], signature: /\bcox\.com\/|\bcmsmtp\b/ },
  spectrum: {
    hosts: ['charter.net', 'rr.com', 'spectrum.net'],
    domains: ['charter.net', 'rr.com', 'spectrum.net', 'twc.com', 'brighthouse.com'],
    signature: /\bspectrum(?:business)?\.net\/support\b/,
  },
  // GoDaddy's replies end with its IB error code ("... IB607").
  godaddy: {
    hosts: ['secureserver.net'],
    signature: /\bib\d{3}\b|\bx\.co\/rlbounce\b|\bsecureserver\.net\b/,
  },
  mimecast: {
    hosts: ['mimecast.com', 'mimecast.co.za', 'mimecast-offshore.com'],
    signature: /\bmimecast\b|\bmcspamsignature\b/,
  },
  tencent: {
    hosts: ['qq.com', 'exmail.qq.com'],
    domains: ['qq.com', 'foxmail.com'],
    signature: /\bservice\.mail\.qq\.com\b/,
  },
  facebook: {
    hosts: ['facebook.com', 'fb.com', 'facebookmail.com'],
    domains: ['facebook.com'],
    signature: /\bpostmaster\.facebook\.com\b/,
  },
  messagelabs: { hosts: ['messagelabs.com'], signature: /\bmessagelabs\b/ },
  comcast: { hosts: ['comcast.net'], domains: ['comcast.net'], signature: /\bpostmaster\.comcast\.net\b/ },
  // I.UA (Ukraine) links every refusal to its numbered error page, mail.i.ua/err/N/.
  iua: { hosts: ['email.ua', 'i.ua'], domains: ['i.ua'], signature: /\bmail\.i\.ua\/err\/\d/ },
};

// Every signature as one alternation: most replies carry none, and one pass tells.
const ANY_SIGNATURE = new RegExp(
  PROVIDER_IDS.flatMap((id) => (PROVIDERS[id].signature ? [PROVIDERS[id].signature.source] : [])).join('|'),
);

// Host and domain suffixes to their providers, so a name is looked up one label at a time.
const BY_HOST = suffixIndex((provider) => provider.hosts);
const BY_DOMAIN = suffixIndex((provider) => provider.domains ?? []);

function suffixIndex(names: (provider: Provider) => readonly string[]): ReadonlyMap<string, ProviderId[]> {
  const index = new Map<string, ProviderId[]>();
  for (const id of PROVIDER_IDS)
    for (const name of names(PROVIDERS[id])) index.set(name, [...(index.get(name) ?? []), id]);
  return index;
}

/** The providers whose servers answered for this recipient, in PROVIDER_IDS order. */
export function providersOf(recipient: ParsedRecipient, text: string): ProviderId[] {
  const found: ProviderId[] = [];
  // "mx.example.jp. (192.0.2.1, the server for the domain example.jp.)" → "mx.example.jp"; a gateway
  // that wrote the report itself (MessageLabs, Google's relays) words the failure its way too.
  addUnder(hostOf(recipient.remoteMta), BY_HOST, found);
  addUnder(hostOf(recipient.reportingMta), BY_HOST, found);
  addUnder(recipient.address.slice(recipient.address.lastIndexOf('@') + 1).toLowerCase(), BY_DOMAIN, found);
  if (ANY_SIGNATURE.test(text)) {
    for (const id of PROVIDER_IDS)
      if (!found.includes(id) && PROVIDERS[id].signature?.test(text)) found.push(id);
  }
  return found.length < 2 ? found : PROVIDER_IDS.filter((id) => found.includes(id));
}

const HOST = /^[^\s(]*/;

function hostOf(field: string | undefined): string {
  if (!field) return '';
  return HOST.exec(field.toLowerCase())?.[0]?.replace(/\.$/, '') ?? '';
}

/** Adds the providers of every suffix of a host name ("mx.mail.example.com", "mail.example.com", ...). */
function addUnder(host: string, index: ReadonlyMap<string, ProviderId[]>, found: ProviderId[]): void {
  let rest = host;
  while (rest) {
    for (const id of index.get(rest) ?? []) if (!found.includes(id)) found.push(id);
    const dot = rest.indexOf('.');
    if (dot === -1) return;
    rest = rest.slice(dot + 1);
  }
}
