// Is a bounce about a message we sent? Spammers send fake bounces ("backscatter" in reverse); a bounce
// is trusted when the returned original's Message-ID is of one of our domains, or when the address it
// was sent to carries a valid signed VERP token (verp-token.ts). Untrusted bounces are still stored and
// counted; they get a ticket only when configured so, marked untrusted. Pure: key and time passed in.
import { MailHeaders, splitHeaderBlock } from '../mail/headers.ts';
import type { BounceReport } from '../types.ts';
import { type VerpProblem, verifyVerp } from './verp-token.ts';

export interface TrustSettings {
  /** Domains our Message-IDs end with (`<…@mail.example.jp>` matches `example.jp`); lower case. */
  messageIdDomains: readonly string[];
  /** Whether a VERP key is configured (the key itself is passed to judgeTrust when it is). */
  verp: boolean;
}

export type TrustBasis = 'message-id' | 'verp' | 'not-checked';
export type TrustProblem = 'no-original-message-id' | 'message-id-domain' | `verp-${VerpProblem}`;

export type TrustVerdict = { trusted: true; by: TrustBasis } | { trusted: false; problems: TrustProblem[] };

export interface TrustEvidence {
  report: BounceReport;
  /** The addresses the bounce was delivered to: SES's envelope recipients, else the mail's own headers. */
  returnPaths: readonly string[];
  now: Date;
  /** The VERP key, when VERP is configured. */
  verpKey?: string;
}

export function trustChecked(settings: TrustSettings): boolean {
  return settings.messageIdDomains.length > 0 || settings.verp;
}

/** Message-ID first (no key needed), then VERP. With neither configured, every bounce is trusted. */
export function judgeTrust(settings: TrustSettings, evidence: TrustEvidence): TrustVerdict {
  if (!trustChecked(settings)) return { trusted: true, by: 'not-checked' };
  const problems: TrustProblem[] = [];
  if (settings.messageIdDomains.length > 0) {
    const messageId = evidence.report.original?.messageId;
    if (!messageId) problems.push('no-original-message-id');
    else if (messageIdDomainMatches(messageId, settings.messageIdDomains))
      return { trusted: true, by: 'message-id' };
    else problems.push('message-id-domain');
  }
  if (settings.verp && evidence.verpKey !== undefined) {
    const verification = verifyVerp(evidence.returnPaths, addressesOf(evidence.report), {
      key: evidence.verpKey,
      now: evidence.now,
    });
    if (verification.ok) return { trusted: true, by: 'verp' };
    problems.push(`verp-${verification.problem}`);
  }
  return { trusted: false, problems };
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
  const text = Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.byteLength, HEADER_LIMIT)).toString(
    'latin1',
  );
  const headers = MailHeaders.parse(splitHeaderBlock(text.replace(/\r\n/g, '\n')).head);
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
