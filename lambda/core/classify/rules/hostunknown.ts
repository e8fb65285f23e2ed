// hostunknown: the domain part of the recipient address does not exist.
import type { ReasonRule } from '../rule.ts';

// A lookup that failed for now (SERVFAIL, a timeout, "try again") says nothing of the domain: it
// is a network problem (networkerror.ts), even where the words also say "host not found".
const TEMPORARY_LOOKUP = /\btry again\b|\btemporar|\btimed? ?out\b|\bservfail\b|\bno response from\b/;

export const hostunknownRule: ReasonRule<'hostunknown'> = {
  reason: 'hostunknown',
  category: 'recipient-unknown',
  hardBounce: 'always',
  derivedDetail: '912',
  // X.1.2 bad destination system address; 5.4.4 unable to route (permanent: no MX, no A).
  statuses: ['1.2', '5.4.4'],
  phrases: [
    'host unknown',
    'unknown host',
    'host not found',
    'no such host',
    'host or domain name not found',
    'domain not found',
    'domain unknown',
    'unknown domain',
    'no such domain',
    'domain does not exist',
    'domain name does not exist',
    'domain must exist',
    'recipient domain must exist',
    'domain is not reachable',
    'host unreachable',
    'domain name not found',
    'mail domain not found',
    'unknown mail domain',
    'mail domain mentioned in email address is unknown',
    'nxdomain',
    'name or service not known',
    'unrouteable address',
    'unroutable address',
    "couldn't find any host named",
    'could not find any host named',
    'illegal host',
    'invalid domain',
    'domain is invalid',
    'not a valid domain',
    'the account or domain may not exist',
    'domain may not exist',
    'all relevant mx records point to non-existent hosts',
    'no valid mx',
    'no mx or a record',
    'address does not resolve',
    'unresolvable address',
    'no dns entries',
    'name server reported that domain',
    "we weren't able to find the recipient domain",
    'smtpsend.dns.nonexistentdomain',
    'nonexistent domain',
  ],
  patterns: [
    // "example.jp does not exist" (a domain, not an address, before the words), "553 ... does not exist".
    /(?:^|\s)(?![^\s@]*@)(?:[a-z0-9-]+\.)+[a-z]{2,}\s+does not exist/,
    /\bdomain\b[^.;]{0,60}\b(?:does not exist|not found|unknown|doesn't exist)\b/,
  ],
  // Google's "DNS Error: ... DNS type 'mx' lookup of x responded with code NXDOMAIN" and "No mx
  // record found for domain=" are Sisimai's networkerror and notaccept; lookups that failed for now too.
  unless: [/^dns error: \d+ dns type /, /\bno mx record found\b/, /\bhelo\b/, TEMPORARY_LOOKUP],
  yieldsTo: ['networkerror', 'notaccept'],
  providers: {
    google: { words: ["because the domain couldn't be found"] },
    microsoft: { words: ['could not be delivered to the recipient because the domain is not reachable'] },
  },
  agents: {
    'exim-pipe': ['could mean host nonexistent'],
  },
  sources: [
    'RFC 3463 (X.1.2, X.4.4)',
    'Sisimai 5 reason/why-hostunknown.go (BSD-2-Clause): the wordings and the yield to network errors',
    'Postfix smtp(8) "Host or domain name not found. Name service error ... Host not found[, try again]"',
    'Exim "Unrouteable address", "all relevant MX records point to non-existent hosts"; Sendmail "Host unknown"; qmail',
    'Google Workspace "About SMTP error messages" (553 5.1.2); Microsoft 365 NDR 5.4.4',
  ],
};
