// Judges whether a bounce is tied to a message we sent (core/bounce/trust.ts), with the VERP key read
// from Secrets Manager (once per container, by the caller's reader) and only when VERP is configured.
import { judgeTrust, returnPathsFromHeaders, type TrustVerdict } from '../core/bounce/trust.ts';
import type { BounceReport } from '../core/types.ts';

export interface BounceTrustOptions {
  messageIdDomains: readonly string[];
  /** The VERP signing key; absent when VERP is not configured. */
  verpKey?: () => Promise<string>;
  /** Whether an untrusted bounce still gets a ticket (marked untrusted). */
  ticketUntrusted: boolean;
}

export interface TrustInput {
  report: BounceReport;
  /** SES's envelope recipients, when the event names them. */
  envelopeRecipients?: readonly string[];
  raw: Uint8Array;
  now: Date;
}

export class BounceTrust {
  readonly ticketUntrusted: boolean;

  constructor(private readonly options: BounceTrustOptions) {
    this.ticketUntrusted = options.ticketUntrusted;
  }

  async judge(input: TrustInput): Promise<TrustVerdict> {
    const settings = {
      messageIdDomains: this.options.messageIdDomains,
      verp: this.options.verpKey !== undefined,
    };
    if (!settings.verp && settings.messageIdDomains.length === 0) return { trusted: true, by: 'not-checked' };
    const returnPaths = [
      ...new Set([...(input.envelopeRecipients ?? []), ...returnPathsFromHeaders(input.raw)]),
    ];
    const verpKey = this.options.verpKey ? await this.options.verpKey() : undefined;
    return judgeTrust(settings, {
      report: input.report,
      returnPaths,
      now: input.now,
      ...(verpKey !== undefined ? { verpKey } : {}),
    });
  }
}
