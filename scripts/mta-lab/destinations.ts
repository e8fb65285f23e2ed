// Where the lab's mail goes: the receiving providers the replies come from (each a recipient domain
// and an MX host name, all served on loopback), the lab's own fault hosts, and the loopback plan.
import type { TableReply } from './replies.ts';

/** A receiving host: the recipient domain routed to it and the host name the MTAs connect to. */
export interface Destination {
  domain: string;
  host: string;
  ip: string;
}

/** The loopback plan (the lab runs in its own network namespace: these addresses are its only ones). */
export const LOOPBACK = {
  dns: '127.0.0.53',
  mta: (index: number) => `127.0.1.${index + 1}`,
  provider: (index: number) => `127.0.2.${index + 1}`,
  perCase: (n: number) => `127.3.${n >> 8}.${n & 255}`,
  refused: '127.0.5.1',
  silent: '127.0.5.2',
  catcher: '127.0.9.1',
} as const;

export const SENDER_DOMAIN = 'sender.example';
export const CATCHER: Destination = {
  domain: SENDER_DOMAIN,
  host: 'mx.sender.example',
  ip: LOOPBACK.catcher,
};
/** A domain the loopback resolver says does not exist, and one whose name servers fail. */
export const NXDOMAIN = 'no-such-domain.example';
export const SERVFAIL = 'dns-down.example';

interface Provider {
  id: string;
  /** The domain the provider's users have (a made-up one for hosted business mail). */
  domain: string;
  /** The MX host name the provider's replies come from. */
  host: string;
}

/**
 * Providers by the reply table's source ids (replies.README.md) and by the names their replies carry.
 * A reply from a provider's reference goes to one of its addresses through its MX name, as it would
 * in the world: the recipient's domain and the remote host are part of what a reader of the bounce sees.
 */
const PROVIDERS: readonly Provider[] = [
  { id: 'neutral', domain: 'lab.example', host: 'mx.lab.example' },
  { id: 'google', domain: 'gmail.com', host: 'gmail-smtp-in.l.google.com' },
  {
    id: 'microsoft365',
    domain: 'contoso-lab.example',
    host: 'contoso-lab-example.mail.protection.outlook.com',
  },
  { id: 'outlook', domain: 'outlook.com', host: 'outlook-com.olc.protection.outlook.com' },
  { id: 'exchange', domain: 'exchange-lab.example', host: 'mail.exchange-lab.example' },
  { id: 'yahoo', domain: 'yahoo.com', host: 'mta6.am0.yahoodns.net' },
  { id: 'aol', domain: 'aol.com', host: 'mx-aol.mail.gm0.yahoodns.net' },
  { id: 'apple', domain: 'icloud.com', host: 'mx01.mail.icloud.com' },
  { id: 'att', domain: 'att.net', host: 'ff-ip4-mx-vip1.prodigy.net' },
  { id: 'cox', domain: 'cox.net', host: 'cxr.mx.a.cloudfilter.net' },
  { id: 'comcast', domain: 'comcast.net', host: 'mx1a1.comcast.net' },
  { id: 'spectrum', domain: 'charter.net', host: 'mx.charter.net' },
  { id: 'orange', domain: 'orange.fr', host: 'smtp-in.orange.fr' },
  { id: 'gmx', domain: 'gmx.de', host: 'mx00.emig.gmx.net' },
  { id: 'tencent', domain: 'qq.com', host: 'mx3.qq.com' },
  { id: 'netease', domain: '163.com', host: '163mx01.mxmail.netease.com' },
  { id: 'mailru', domain: 'mail.ru', host: 'mxs.mail.ru' },
  { id: 'zoho', domain: 'zoho.com', host: 'mx.zoho.com' },
  { id: 'iua', domain: 'i.ua', host: 'mx.i.ua' },
  { id: 'facebook', domain: 'facebook.com', host: 'smtpin.vvv.facebook.com' },
  { id: 'godaddy', domain: 'godaddy-lab.example', host: 'mx1.secureserver.net' },
  { id: 'mimecast', domain: 'mimecast-lab.example', host: 'eu-smtp-inbound-1.mimecast.com' },
  { id: 'messagelabs', domain: 'messagelabs-lab.example', host: 'cluster1.eu.messagelabs.com' },
  { id: 'barracuda', domain: 'barracuda-lab.example', host: 'd1234.ess.barracudanetworks.com' },
  { id: 'trendmicro', domain: 'trendmicro-lab.example', host: 'in.hes.trendmicro.com' },
  { id: 'cloudflare', domain: 'cloudflare-lab.example', host: 'route1.mx.cloudflare.net' },
  { id: 'amazonses', domain: 'ses-lab.example', host: 'inbound-smtp.us-east-1.amazonaws.com' },
];

/** Source ids of the reply table that are one provider's own reference. */
const BY_SOURCE: Readonly<Record<string, string>> = {
  'gmail-ref': 'google',
  'ms365-ndr': 'microsoft365',
  'outlookcom-postmaster': 'outlook',
  'exchange-ndr': 'exchange',
  'yahoo-help': 'yahoo',
  'att-ref': 'att',
  'cox-ref': 'cox',
  'comcast-ref': 'comcast',
  'spectrum-ref': 'spectrum',
  'orange-ref': 'orange',
  'gmx-postmaster': 'gmx',
  'tencent-ref': 'tencent',
  'netease-ref': 'netease',
  'facebook-postmaster': 'facebook',
  'godaddy-ref': 'godaddy',
  'mimecast-ref': 'mimecast',
  'broadcom-ref': 'messagelabs',
  'barracuda-ref': 'barracuda',
  'trendmicro-ref': 'trendmicro',
  'cloudflare-postmaster': 'cloudflare',
  'amazon-ses-ref': 'amazonses',
};

/** For sources that collect many providers' replies (Sisimai's rhost modules): the name in the reply. */
const BY_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\baol\b/i, 'aol'],
  [/yahoo/i, 'yahoo'],
  [/icloud|apple\.com/i, 'apple'],
  [/mail\.ru/i, 'mailru'],
  [/zoho/i, 'zoho'],
  [/\bi\.ua\b/i, 'iua'],
  [/facebook/i, 'facebook'],
  [/outlook\.com|hotmail/i, 'outlook'],
  [/\bgsmtp\b|google\.com/i, 'google'],
];

export function providerOf(reply: TableReply): Provider {
  const byWords =
    reply.source === 'sisimai5-rhost'
      ? BY_WORDS.find(([pattern]) => pattern.test(`${reply.text} ${reply.note}`))?.[1]
      : undefined;
  const id = BY_SOURCE[reply.source] ?? byWords ?? 'neutral';
  const provider = PROVIDERS.find((p) => p.id === id);
  if (!provider) throw new Error(`no provider ${id}`);
  return provider;
}

/** Every provider's shared destination (replies after the greeting are told apart by address). */
export function providerDestinations(): Destination[] {
  return PROVIDERS.map((p, i) => ({ domain: p.domain, host: p.host, ip: LOOPBACK.provider(i) }));
}

export function sharedDestination(provider: Provider): Destination {
  const i = PROVIDERS.indexOf(provider);
  return { domain: provider.domain, host: provider.host, ip: LOOPBACK.provider(i) };
}

/**
 * A destination of its own, for a reply given before any address is known (the greeting, EHLO):
 * a host under the provider's MX name, for a domain of the case's own.
 */
export function ownDestination(provider: Provider, n: number, id: string): Destination {
  return { domain: `c${id}.lab.example`, host: `c${id}.${provider.host}`, ip: LOOPBACK.perCase(n) };
}

export const REFUSED: Destination = {
  domain: 'refused.lab.example',
  host: 'mx.refused.lab.example',
  ip: LOOPBACK.refused,
};
export const SILENT: Destination = {
  domain: 'silent.lab.example',
  host: 'mx.silent.lab.example',
  ip: LOOPBACK.silent,
};
