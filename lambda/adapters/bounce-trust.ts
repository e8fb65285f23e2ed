// Judges whether a bounce is tied to a message we sent (core/bounce/trust.ts), with the VERP key read
// from Secrets Manager (only when VERP is configured) and the public keys of the returned original's
// DKIM signatures of our domains read from DNS (`<selector>._domainkey.<domain>` TXT; only when
// DKIM domains are configured). A key that does not exist is a trust problem; a DNS failure is an
// error, so Lambda retries instead of calling a real bounce untrusted.

import type { KeyObject } from 'node:crypto';
import { Resolver } from 'node:dns/promises';
import { dkimPublicKey } from '../core/bounce/dkim-headers.ts';
import {
  judgeTrust,
  ourDkimSignatures,
  returnPathsFromHeaders,
  type TrustVerdict,
} from '../core/bounce/trust.ts';
import type { SesVerdicts } from '../core/bounce/verdicts.ts';
import { headerBlockOf } from '../core/mail/headers.ts';
import type { BounceReport } from '../core/types.ts';

/** TXT records of a name, each as its strings joined (as DKIM reads them). */
export type TxtLookup = (name: string) => Promise<string[]>;

export interface BounceTrustOptions {
  messageIdDomains: readonly string[];
  /** Domains whose DKIM signature on the returned original vouches for it. */
  dkimDomains?: readonly string[];
  /** The VERP signing key; absent when VERP is not configured. */
  verpKey?: () => Promise<string>;
  /** Whether an untrusted bounce still gets a ticket (marked untrusted). */
  ticketUntrusted: boolean;
  /** @default DNS through node:dns (2 s time-out, 2 tries) */
  txt?: TxtLookup;
}

export interface TrustInput {
  report: BounceReport;
  /** SES's envelope recipients, when the event names them. */
  envelopeRecipients?: readonly string[];
  raw: Uint8Array;
  verdicts: SesVerdicts;
  now: Date;
}

/** DNS answers that mean "there is no such key", as opposed to a failure to ask. */
const NO_SUCH_RECORD = new Set(['ENOTFOUND', 'ENODATA', 'ENONAME']);

export class BounceTrust {
  readonly ticketUntrusted: boolean;
  private readonly dkimDomains: readonly string[];
  private readonly txt: TxtLookup;

  constructor(private readonly options: BounceTrustOptions) {
    this.ticketUntrusted = options.ticketUntrusted;
    this.dkimDomains = options.dkimDomains ?? [];
    this.txt = options.txt ?? systemTxtLookup();
  }

  async judge(input: TrustInput): Promise<TrustVerdict> {
    const settings = {
      messageIdDomains: this.options.messageIdDomains,
      dkimDomains: this.dkimDomains,
      verp: this.options.verpKey !== undefined,
    };
    if (!settings.verp && settings.messageIdDomains.length === 0 && settings.dkimDomains.length === 0) {
      return { trusted: true, by: 'not-checked' };
    }
    const returnPaths = [
      ...new Set([...(input.envelopeRecipients ?? []), ...returnPathsFromHeaders(input.raw)]),
    ];
    const verpKey = this.options.verpKey ? await this.options.verpKey() : undefined;
    const keys = await this.dkimKeys(input.report);
    return judgeTrust(settings, {
      report: input.report,
      returnPaths,
      now: input.now,
      verdicts: input.verdicts,
      dkimKeys: (selector, domain) => keys.get(`${selector}._domainkey.${domain}`),
      ...(verpKey !== undefined ? { verpKey } : {}),
    });
  }

  /** The keys of the original's signatures by our domains, by record name; missing ones left out. */
  private async dkimKeys(report: BounceReport): Promise<Map<string, KeyObject>> {
    const keys = new Map<string, KeyObject>();
    const raw = report.original?.raw;
    if (this.dkimDomains.length === 0 || !raw) return keys;
    const head = headerBlockOf(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
    for (const signature of ourDkimSignatures(head, this.dkimDomains)) {
      const name = `${signature.selector}._domainkey.${signature.domain}`;
      if (keys.has(name)) continue;
      const key = (await this.records(name)).map(dkimPublicKey).find((k) => k !== undefined);
      if (key) keys.set(name, key);
    }
    return keys;
  }

  private async records(name: string): Promise<string[]> {
    try {
      return await this.txt(name);
    } catch (error) {
      if (NO_SUCH_RECORD.has((error as { code?: string }).code ?? '')) return [];
      throw error;
    }
  }
}

function systemTxtLookup(): TxtLookup {
  const resolver = new Resolver({ timeout: 2_000, tries: 2 });
  return async (name) => (await resolver.resolveTxt(name)).map((parts) => parts.join(''));
}
