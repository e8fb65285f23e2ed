// RFC 3463 enhanced status codes (and the registry's later additions) that name one reason on their own.
// Keyed by subject.detail ("1.1" for X.1.1): the class (4 or 5) says only whether it is temporary.
// Generic codes (X.0.0, X.1.0, X.2.0, X.7.0, X.7.1, ...) are absent: their words decide.
import type { Reason } from '../types.ts';

export const STATUS_REASONS: ReadonlyMap<string, Reason> = new Map<string, Reason>([
  ['1.0', 'userunknown'], // other address status: in practice the recipient's address
  ['1.1', 'userunknown'], // bad destination mailbox address
  ['1.2', 'hostunknown'], // bad destination system address
  ['1.3', 'userunknown'], // bad destination mailbox address syntax
  ['1.4', 'userunknown'], // destination mailbox address ambiguous
  ['1.6', 'hasmoved'], // destination mailbox has moved, no forwarding address
  ['1.7', 'rejected'], // bad sender's mailbox address syntax
  ['1.8', 'rejected'], // bad sender's system address
  ['1.10', 'notaccept'], // recipient address has null MX (RFC 7505)
  ['2.0', 'filtered'], // other mailbox status: in practice a recipient-side refusal
  ['2.1', 'filtered'], // mailbox disabled, not accepting messages (suspended accounts say so in words)
  ['2.2', 'mailboxfull'], // mailbox full
  ['2.3', 'exceedlimit'], // message length exceeds administrative limit
  ['2.4', 'systemerror'], // mailing list expansion problem
  ['3.1', 'systemfull'], // mail system full
  ['3.4', 'mesgtoobig'], // message too big for system
  ['3.5', 'systemerror'], // system incorrectly configured
  ['4.3', 'systemerror'], // directory server failure
  ['4.4', 'networkerror'], // unable to route
  ['4.6', 'networkerror'], // routing loop detected
  ['4.7', 'expired'], // delivery time expired
  ['5.1', 'syntaxerror'], // invalid command
  ['5.2', 'syntaxerror'], // syntax error
  ['5.4', 'syntaxerror'], // invalid command arguments
  ['5.5', 'syntaxerror'], // wrong protocol version
  ['6.1', 'contenterror'], // media not supported
  ['6.2', 'contenterror'], // conversion required and prohibited
  ['6.3', 'contenterror'], // conversion required but not supported
  ['6.5', 'contenterror'], // conversion failed
  ['7.2', 'securityerror'], // mailing list expansion prohibited
  ['7.3', 'securityerror'], // security conversion required but not possible
  ['7.4', 'securityerror'], // security features not supported
  ['7.5', 'securityerror'], // cryptographic failure
  ['7.6', 'securityerror'], // cryptographic algorithm not supported
  ['7.7', 'securityerror'], // message integrity failure
  ['7.8', 'securityerror'], // authentication credentials invalid
  ['7.9', 'policyviolation'], // in practice: a message refused by the receiver's policy
  ['7.10', 'failedstarttls'], // encryption needed
  ['7.11', 'failedstarttls'], // encryption required for requested authentication mechanism
  ['7.13', 'suspend'], // user account disabled
  ['7.15', 'securityerror'], // priority level is too low
  ['7.16', 'mesgtoobig'], // message is too big for the specified priority
  ['7.17', 'hasmoved'], // mailbox owner has changed
  ['7.18', 'hasmoved'], // domain owner has changed
  ['7.20', 'authfailure'], // no passing DKIM signature found
  ['7.21', 'authfailure'], // no acceptable DKIM signature found
  ['7.22', 'authfailure'], // no valid author-matched DKIM signature found
  ['7.23', 'authfailure'], // SPF validation failed
  ['7.24', 'authfailure'], // SPF validation error
  ['7.25', 'requireptr'], // reverse DNS validation failed
  ['7.26', 'authfailure'], // multiple authentication checks failed
  ['7.27', 'notaccept'], // sender address has null MX
  ['7.28', 'spamdetected'], // mail flood detected
  ['7.29', 'authfailure'], // ARC validation failure
  ['7.30', 'failedstarttls'], // REQUIRETLS support required
]);

/** The reason an enhanced status code names on its own, if it names one. */
export function reasonOfStatus(status: string): Reason | undefined {
  const m = /^[245]\.(\d{1,3}\.\d{1,3})$/.exec(status);
  if (!m) return undefined;
  return STATUS_REASONS.get(m[1] as string);
}

/**
 * Sisimai's convention for a status the bounce did not give: class, 0, and a detail above 900 that
 * stands for the reason (5.0.911 user unknown, 4.0.947 expired, ...).
 */
export const DERIVED_DETAIL: Readonly<Record<string, string>> = {
  undefined: '900',
  onhold: '901',
  syntaxerror: '902',
  norelaying: '909',
  filtered: '910',
  userunknown: '911',
  hostunknown: '912',
  hasmoved: '916',
  rejected: '918',
  suspend: '921',
  mailboxfull: '922',
  exceedlimit: '923',
  systemerror: '930',
  systemfull: '931',
  notaccept: '932',
  mesgtoobig: '934',
  toomanyconn: '935',
  mailererror: '939',
  networkerror: '944',
  expired: '947',
  contenterror: '960',
  securityerror: '970',
  blocked: '971',
  policyviolation: '972',
  requireptr: '973',
  authfailure: '974',
  badreputation: '975',
  failedstarttls: '976',
  notcompliantrfc: '977',
  speeding: '978',
  spamdetected: '980',
  virusdetected: '981',
  suppressed: '982',
};
