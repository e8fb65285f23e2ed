// Is a bounce about a message we sent? Spammers send fake bounces ("backscatter" in reverse); a bounce
// is trusted when the returned original's Message-ID is of one of our domains (weak: anyone can write
// one, so it counts only when SES's SPF and DMARC verdicts of the bounce did not fail), when the
// original carries a valid DKIM signature of one of our domains over its headers (dkim-headers.ts), or
// when the address it was sent to carries a valid signed VERP token (verp-token.ts). Untrusted bounces
// are still stored and counted; they get a ticket only when configured so, marked untrusted. Pure:
// keys and time passed in.
import { type TrustChecks, trustChecked } from '../../contracts/trust.ts';
import { headerBlockOf, mailHead } from '../mail/headers.ts';
import type { SesVerdicts } from '../ses/verdicts.ts';
import type { BounceReport } from '../types.ts';
import { type DkimKeyLookup, dkimSignatures, verifyDkimHeaders } from './dkim-headers.ts';
import { type VerpProblem, verifyVerp } from './verp-token.ts';

export type TrustBasis = 'message-id' | 'dkim' | 'verp' | 'not-checked';
export type DkimProblem = 'no-signature' | 'no-key' | 'bad-signature';
export type TrustProblem =
  | 'no-original-message-id'
  | 'message-id-domain'
  | 'ses-verdict-fail'
  | `dkim-${DkimProblem}`
  | `verp-${VerpProblem}`;

export type TrustVerdict = { trusted: true; by: TrustBasis } | { trusted: false; problems: TrustProblem[] };

export interface TrustEvidence {
  report: BounceReport;
  /** The addresses the bounce was delivered to: SES's envelope recipients, else the mail's own headers. */
  returnPaths: readonly string[];
  now: Date;
  /** The VERP key, when VERP is configured (TrustConfig.verpKeySecretId). */
  verpKey?: string;
  /** SES's verdicts on the bounce itself. */
  verdicts?: SesVerdicts;
  /** The public keys of the DKIM signatures of our domains, looked up by the caller (DNS). */
  dkimKeys?: DkimKeyLookup;
}

/**
 * Message-ID first (no key needed), then the original's DKIM signature, then VERP; the problems of
 * each are listed when none holds. With none configured, every bounce is trusted.
 */
export function judgeTrust(settings: TrustChecks, evidence: TrustEvidence): TrustVerdict {
  if (!trustChecked(settings)) return { trusted: true, by: 'not-checked' };
  const problems: TrustProblem[] = [];
  if (settings.messageIdDomains.length > 0) {
    const problem = messageIdProblem(settings.messageIdDomains, evidence);
    if (!problem) return { trusted: true, by: 'message-id' };
    problems.push(problem);
  }
  if (settings.dkimDomains.length > 0) {
    const problem = dkimProblem(settings.dkimDomains, evidence);
    if (!problem) return { trusted: true, by: 'dkim' };
    problems.push(problem);
  }
  if (settings.verpKeySecretId !== undefined && evidence.verpKey !== undefined) {
    const verification = verifyVerp(evidence.returnPaths, addressesOf(evidence.report), {
      key: evidence.verpKey,
      now: evidence.now,
    });
    if (verification.ok) return { trusted: true, by: 'verp' };
    problems.push(`verp-${verification.problem}`);
  }
  return { trusted: false, problems };
}

function messageIdProblem(domains: readonly string[], evidence: TrustEvidence): TrustProblem | undefined {
  const messageId = evidence.report.original?.messageId;
  if (!messageId) return 'no-original-message-id';
  if (!messageIdDomainMatches(messageId, domains)) return 'message-id-domain';
  // A Message-ID is anyone's to write: a bounce whose sender SPF or DMARC says is forged gets no credit.
  const { spf, dmarc } = evidence.verdicts ?? {};
  return spf === 'FAIL' || dmarc === 'FAIL' ? 'ses-verdict-fail' : undefined;
}

/** The original's signatures by our domains, checked over its headers (the body is seldom returned whole). */
export function dkimProblem(domains: readonly string[], evidence: TrustEvidence): TrustProblem | undefined {
  const raw = evidence.report.original?.raw;
  if (!raw) return 'dkim-no-signature';
  const head = headerBlockOf(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
  const ours = ourDkimSignatures(head, domains);
  if (ours.length === 0) return 'dkim-no-signature';
  let keyFound = false;
  for (const signature of ours) {
    const key = evidence.dkimKeys?.(signature.selector, signature.domain);
    if (!key) continue;
    keyFound = true;
    if (verifyDkimHeaders(head, signature, key)) return undefined;
  }
  return keyFound ? 'dkim-bad-signature' : 'dkim-no-key';
}

/** The DKIM signatures in a header block made by one of `domains` (or a subdomain of one). */
export function ourDkimSignatures(headerBlock: string, domains: readonly string[]) {
  return dkimSignatures(headerBlock).filter((s) =>
    domains.some((d) => s.domain === d || s.domain.endsWith(`.${d}`)),
  );
}

/** `<id@host.example.jp>` is of `example.jp` and of `host.example.jp`, not of `badexample.jp`. */
export function messageIdDomainMatches(messageId: string, domains: readonly string[]): boolean {
  const text = messageId.trim().replace(/^<|>$/g, '');
  const at = text.lastIndexOf('@');
  if (at < 0) return false;
  const domain = text
    .slice(at + 1)
    .replace(/[>\s].*$/, '')
    .toLowerCase()
    .replace(/\.$/, '');
  return domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/** The addresses a bounce is about: its recipients and the returned original's To. */
function addressesOf(report: BounceReport): string[] {
  const to = (report.original?.to ?? []).map(addrSpec);
  return [...report.recipients.map((r) => r.address), ...to].filter(Boolean);
}

const HEADER_LIMIT = 65_536;
const ADDRESS_HEADERS = ['to', 'delivered-to', 'x-original-to', 'envelope-to'] as const;

/**
 * The addresses the bounce was sent to, read from its headers: for a replayed event, which names no
 * envelope recipients. SES's own Received line says `for <address>`; the bounce's To is the return path.
 */
export function returnPathsFromHeaders(raw: Uint8Array): string[] {
  const headers = mailHead(raw, HEADER_LIMIT);
  const listed = ADDRESS_HEADERS.flatMap((name) => headers.all(name)).flatMap((value) => value.split(','));
  const received = headers
    .all('received')
    .flatMap((value) => /\bfor\s+<?([^\s<>;]+@[^\s<>;]+)>?/i.exec(value)?.[1] ?? []);
  return [...new Set([...listed.map(addrSpec), ...received.map((a) => a.toLowerCase())].filter(Boolean))];
}

/** `Name <user@example.jp>` → `user@example.jp`. */
function addrSpec(value: string): string {
  const angle = /<([^<>]+@[^<>]+)>/.exec(value);
  return (angle?.[1] ?? value).trim().toLowerCase();
}
