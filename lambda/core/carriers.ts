// Japanese mobile carriers' mail domains: their users often refuse mail by sender domain (指定受信).
import type { Carrier } from './types.ts';

const CARRIER_DOMAINS: ReadonlyArray<readonly [domain: string, carrier: Carrier]> = [
  ['docomo.ne.jp', 'docomo'],
  ['mopera.net', 'docomo'],
  ['ezweb.ne.jp', 'au'],
  ['au.com', 'au'],
  ['softbank.ne.jp', 'softbank'],
  ['i.softbank.jp', 'softbank'],
  ['vodafone.ne.jp', 'softbank'],
  ['disney.ne.jp', 'softbank'],
  ['rakuten.jp', 'rakuten'],
  ['ymobile.ne.jp', 'ymobile'],
  ['ymobile1.ne.jp', 'ymobile'],
  ['emobile.ne.jp', 'ymobile'],
  ['uqmobile.jp', 'uqmobile'],
];

/** The carrier whose mail domain an address is at (sub-domains included), if any. */
export function carrierOf(address: string): Carrier | undefined {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  for (const [suffix, carrier] of CARRIER_DOMAINS) {
    if (domain === suffix || domain.endsWith(`.${suffix}`)) return carrier;
  }
  return undefined;
}
