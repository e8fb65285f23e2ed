// Reads secrets from AWS Secrets Manager through Powertools Parameters (SecretsProvider): each value is
// kept in memory for `maxAgeSeconds` (5 minutes), so a rotated token or key reaches warm containers
// within minutes. A caller that learns a value is wrong (the ticket API answered 401) forgets it, and a
// caller that meets a key id it does not know may ask for a fresh read, at most once a minute per secret.

import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

export interface SecretReaderOptions {
  /** How long a value is used before it is read again. @default 300 */
  maxAgeSeconds?: number;
  /** The least time between two reads asked for with `fresh`. @default 60 */
  minFreshIntervalSeconds?: number;
  /** For tests: the clock, in milliseconds. */
  now?: () => number;
}

export const SECRET_MAX_AGE_SECONDS = 300;

export class SecretReader {
  private readonly provider: SecretsProvider;
  private readonly maxAge: number;
  private readonly minFreshMs: number;
  private readonly now: () => number;
  /** Secrets whose cached value must not be used again. */
  private readonly stale = new Set<string>();
  private readonly lastFresh = new Map<string, number>();

  constructor(client: SecretsManagerClient, options: SecretReaderOptions = {}) {
    this.provider = new SecretsProvider({ awsSdkV3Client: client });
    this.maxAge = options.maxAgeSeconds ?? SECRET_MAX_AGE_SECONDS;
    this.minFreshMs = (options.minFreshIntervalSeconds ?? 60) * 1000;
    this.now = options.now ?? Date.now;
  }

  /** The secret's string; `fresh` reads it again unless that was done within the last minute. */
  async text(secretId: string, options: { fresh?: boolean } = {}): Promise<string> {
    const forceFetch = this.stale.has(secretId) || (options.fresh === true && this.mayRefresh(secretId));
    const value = await this.provider.get(secretId, { maxAge: this.maxAge, forceFetch });
    if (typeof value !== 'string') throw new Error(`secret ${secretId} has no string value`);
    this.stale.delete(secretId);
    return value;
  }

  /** The secret's string; a JSON secret gives its `field` (e.g. `{"password": "…"}`). */
  async read(secretId: string, field = 'password'): Promise<string> {
    return fieldOf(await this.text(secretId), field);
  }

  /** The next read asks Secrets Manager again (the value was refused). */
  forget(secretId: string): void {
    this.stale.add(secretId);
  }

  private mayRefresh(secretId: string): boolean {
    const now = this.now();
    const last = this.lastFresh.get(secretId);
    if (last !== undefined && now - last < this.minFreshMs) return false;
    this.lastFresh.set(secretId, now);
    return true;
  }
}

function fieldOf(text: string, field: string): string {
  if (!text.trimStart().startsWith('{')) return text;
  const parsed: unknown = JSON.parse(text);
  const value = (parsed as Record<string, unknown>)[field];
  if (typeof value !== 'string') throw new Error(`the secret's JSON has no string "${field}"`);
  return value;
}
