// Reads a secret from AWS Secrets Manager once per container: the password is fetched on the first run
// and kept in memory, never written anywhere.
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

export class SecretReader {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(private readonly client: SecretsManagerClient) {}

  /** The secret's string; a JSON secret gives its `field` (e.g. `{"password": "…"}`). */
  read(secretId: string, field = 'password'): Promise<string> {
    let value = this.cache.get(secretId);
    if (!value) {
      value = this.fetch(secretId, field);
      // A failed read is not kept: the next run asks again.
      value.catch(() => this.cache.delete(secretId));
      this.cache.set(secretId, value);
    }
    return value;
  }

  private async fetch(secretId: string, field: string): Promise<string> {
    const output = await this.client.send(new GetSecretValueCommand({ SecretId: secretId }));
    const text = output.SecretString;
    if (text === undefined) throw new Error(`secret ${secretId} has no string value`);
    return fieldOf(text, field);
  }
}

function fieldOf(text: string, field: string): string {
  if (!text.trimStart().startsWith('{')) return text;
  const parsed: unknown = JSON.parse(text);
  const value = (parsed as Record<string, unknown>)[field];
  if (typeof value !== 'string') throw new Error(`the secret's JSON has no string "${field}"`);
  return value;
}
