// What Microsoft's own codes in Exchange and Microsoft 365 NDRs mean: Exchange's NDR codes and the
// enhanced status codes whose detail numbers are Microsoft's.
import type { Reason } from '../types.ts';

/** Exchange's NDR codes ("RESOLVER.ADR.RecipNotFound") and what they mean. */
const NDR_CODES: Readonly<Record<string, Reason>> = {
  'smtpsend.dns.nonexistentdomain': 'hostunknown',
  'smtpsend.dns.mxloopback': 'networkerror',
  'resolver.adr.recipnotfound': 'userunknown',
  'resolver.adr.recipientnotfound': 'userunknown',
  'resolver.adr.exrecipnotfound': 'userunknown',
  'resolver.adr.badprimary': 'systemerror',
  'resolver.adr.invalidinsmtp': 'systemerror',
  'resolver.rst.authrequired': 'securityerror',
  'resolver.rst.notauthorized': 'rejected',
  'resolver.rst.recipsizelimit': 'exceedlimit',
  'queue.expired': 'expired',
};

/** Microsoft 365's own enhanced status codes (their detail numbers are Microsoft's) and their meaning. */
const MICROSOFT_STATUS: ReadonlyArray<[RegExp, Reason]> = [
  [/^[45]\.4\.316$/, 'expired'],
  [/^[45]\.4\.312$/, 'networkerror'],
  [/^5\.4\.6$/, 'networkerror'],
  [/^4\.7\.26$/, 'authfailure'],
  [/^4\.7\.(?:[56]\d\d|8[5-9]\d)$/, 'blocked'],
  [/^5\.0\.350$/, 'contenterror'],
  [/^5\.1\.10$/, 'userunknown'],
  [/^5\.4\.1$/, 'norelaying'],
  [/^5\.6\.11$/, 'contenterror'],
  [/^5\.7\.(?:12|13|124|13[3-6]|511)$/, 'rejected'],
  [/^5\.7\.23$/, 'blocked'],
  [/^5\.7\.25$/, 'requireptr'],
  [/^5\.7\.50[1-3]$/, 'spamdetected'],
  [/^5\.7\.50[45]$/, 'filtered'],
  [/^5\.7\.50[67]$/, 'blocked'],
  [/^5\.7\.508$/, 'toomanyconn'],
  [/^5\.7\.509$/, 'authfailure'],
  [/^5\.7\.510$/, 'notaccept'],
  [/^5\.7\.512$/, 'policyviolation'],
  [/^5\.7\.57$/, 'securityerror'],
  [/^5\.7\.(?:60[6-9]|6[1-4]\d)$/, 'blocked'],
  [/^5\.7\.7\d\d$/, 'toomanyconn'],
];

/** The reason Microsoft's NDR code, or else its own status code, names. */
export function microsoftReason(texts: readonly string[], status: string): Reason | undefined {
  for (const text of texts) {
    const code = /\b((?:RESOLVER|QUEUE|SMTPSEND)\.[A-Za-z]{2,20}(?:\.[A-Za-z]{2,30})?)\b/.exec(text)?.[1];
    const reason = code ? NDR_CODES[code.toLowerCase()] : undefined;
    if (reason) return reason;
  }
  return MICROSOFT_STATUS.find(([pattern]) => pattern.test(status))?.[1];
}

/** Microsoft's fixed NDR sentences for the user, when no code is given, and what they mean. */
const MICROSOFT_WORDS: ReadonlyArray<[RegExp, Reason]> = [
  [/\bemail address (?:you entered )?(?:couldn't|could not|wasn't|was not) (?:be )?found\b/i, 'userunknown'],
];

export function microsoftExplanationReason(text: string): Reason | undefined {
  return MICROSOFT_WORDS.find(([pattern]) => pattern.test(text.replace(/\u2019/g, "'")))?.[1];
}
