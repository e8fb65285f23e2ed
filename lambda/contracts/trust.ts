// Which bounces answer a message we sent (docs/forged-bounces.md): one shape for cdk.json's `trust`, the
// bounce handler's construct props, its environment (contracts/bounce.ts) and its runtime configuration.

export interface TrustConfig {
  /** Domains our Message-IDs end with (`<…@mail.example.jp>` matches `example.jp`); lower case. */
  readonly messageIdDomains: readonly string[];
  /** Domains (d=) whose DKIM signature on the returned original's headers vouches for it; lower case. */
  readonly dkimDomains: readonly string[];
  /** The Secrets Manager secret with the VERP signing key, when the sender signs its return paths. */
  readonly verpKeySecretId?: string;
  /** Whether an untrusted bounce still gets a ticket (marked untrusted); otherwise stored and counted. */
  readonly ticketUntrusted: boolean;
}

/** What the checks need of it (not what to do with an untrusted bounce). */
export type TrustChecks = Pick<TrustConfig, 'messageIdDomains' | 'dkimDomains' | 'verpKeySecretId'>;

/** With none of these set, no bounce is checked: every one is trusted. */
export function trustChecked(trust: TrustChecks): boolean {
  return (
    trust.messageIdDomains.length > 0 || trust.dkimDomains.length > 0 || trust.verpKeySecretId !== undefined
  );
}
