// What the storm's world process (world.ts) and the storm itself agree on: names and endpoints.

export interface WorldEndpoints {
  s3: string;
  dynamodb: string;
  secretsManager: string;
  ticketApi: string;
  control: string;
}

export const WORLD_BUCKET = 'storm-mail';
export const WORLD_TABLE = 'storm-idempotency';
export const WORLD_SECRETS = { token: 'storm/ticket-token', linkKey: 'storm/link-key' } as const;
