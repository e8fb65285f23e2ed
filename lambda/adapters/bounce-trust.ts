// Judges whether a bounce is tied to a message we sent (core/trust/trust.ts) by the trust settings
// (contracts/trust.ts), with the VERP key read from Secrets Manager (only when VERP is configured) and the public keys of the returned original's
// DKIM signatures of our domains read from DNS (`<selector>._domainkey.<domain>` TXT; only when
// DKIM domains are configured). A key that does not exist is a trust problem; a DNS failure is an
// error, so Lambda retries instead of calling a real bounce untrusted.

import type { KeyObject } from 'node:crypto';
import { Resolver } from 'node:dns/promises';
import { type TrustChecks, trustChecked } from '../contracts/trust.ts';
import { headerBlockOf } from '../core/mail/headers.ts';
import type { SesVerdicts } from '../core/ses/verdicts.ts';
import { dkimPublicKey } from '../core/trust/dkim-headers.ts';
import {
  judgeTrust,
  ourDkimSignatures,
  returnPathsFromHeaders,
  type TrustVerdict,
} from '../core/trust/trust.ts';
import type { BounceReport } from '../core/types.ts';

/** TXT records of a name, each as its strings joined (as DKIM reads them). */
export type TxtLookup = (name: string) => Promise<string[]>;

/** How the checks reach their keys: Secrets Manager for VERP's, DNS for DKIM's. */
export interface TrustKeys {
  /** The VERP signing key; read only when TrustConfig.verpKeySecretId is set. */
  verpKey?: () => Promise<string>;
  /** @default DNS through node:dns (2 s time-out, 2 tries) */
  txt?: TxtLookup;
}

export interface TrustInput {
  report: BounceReport;
  /** SES's envelope recipients, when the event names them. */
  envelopeRecipients?: readonly string[];
  rawBounce: Uint8Array;
  verdicts: SesVerdicts;
  now: Date;
}

/** DNS answers that mean "there is no such key", as opposed to a failure to ask. */
const NO_SUCH_RECORD = new Set(['ENOTFOUND', 'ENODATA', 'ENONAME']);

export class BounceTrust {
  private readonly txt: TxtLookup;

  constructor(
    private readonly trust: TrustChecks,
    private readonly keys: TrustKeys = {},
  ) {
    this.txt = keys.txt ?? systemTxtLookup();
  }

  async judge(input: TrustInput): Promise<TrustVerdict> {
    if (!trustChecked(this.trust)) return { trusted: true, by: 'not-checked' };
    const returnPaths = [
      ...new Set([...(input.envelopeRecipients ?? []), ...returnPathsFromHeaders(input.rawBounce)]),
    ];
    const verpKey =
      this.trust.verpKeySecretId !== undefined && this.keys.verpKey ? await this.keys.verpKey() : undefined;
    const keys = await this.dkimKeys(input.report);
    return judgeTrust(this.trust, {
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
    if (this.trust.dkimDomains.length === 0 || !raw) return keys;
    const head = headerBlockOf(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
    for (const signature of ourDkimSignatures(head, this.trust.dkimDomains)) {
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
