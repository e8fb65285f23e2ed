// A ticket API's Authorization header, from the token secret's text, by the system's own rule
// (HttpTicketSystem.authorization; tokenAuthorization is the one generic and zendesk share). Read through
// the secret reader's cache; a refused one is read again.
import type { SecretReader } from '../secret-reader.ts';

export interface TicketCredentials {
  /** The Authorization header's value. */
  authorization(): Promise<string>;
  /** The API refused it: read it again (skipping any cache) and give the header's new value. */
  refused?(): Promise<string>;
}

/**
 * A bare token or `{"token": "…"}` is a Bearer token (an OAuth access token); `{"email": "…", "token":
 * "…"}` is Zendesk's API token, sent as Basic `<email>/token:<token>`.
 */
export function tokenAuthorization(secret: string): string {
  if (!secret.trimStart().startsWith('{')) return `Bearer ${secret.trim()}`;
  const parsed = JSON.parse(secret) as Record<string, unknown>;
  const { email, token } = parsed;
  if (typeof token !== 'string' || token === '') {
    throw new Error('the ticket API secret\'s JSON has no string "token"');
  }
  if (email === undefined) return `Bearer ${token}`;
  if (typeof email !== 'string' || !email.includes('@')) {
    throw new Error('the ticket API secret\'s "email" must be the address of the agent who owns the token');
  }
  return `Basic ${Buffer.from(`${email}/token:${token}`, 'utf8').toString('base64')}`;
}

export function secretTicketCredentials(
  secrets: SecretReader,
  secretId: string,
  authorization: (secret: string) => string,
): TicketCredentials {
  return {
    authorization: async () => authorization(await secrets.text(secretId)),
    refused: async () => {
      secrets.forget(secretId);
      return authorization(await secrets.text(secretId));
    },
  };
}
