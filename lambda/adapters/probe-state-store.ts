// Keeps the probe's alert state between runs as one JSON object in S3.
import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { AlertState } from '../core/probe/alert-state.ts';

export class ProbeStateStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly key: string,
  ) {}

  /** The last saved state, or undefined before the first run. */
  async load(): Promise<AlertState | undefined> {
    try {
      const output = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.key }));
      const text = await output.Body?.transformToString('utf-8');
      return text ? (JSON.parse(text) as AlertState) : undefined;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  async save(state: AlertState): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.key,
        Body: JSON.stringify(state),
        ContentType: 'application/json',
      }),
    );
  }
}
