// The viewer's reads in S3: GetObject under the originals prefix only (the original and the raw bounce
// the bounce handler published there), and for a download too large for a Lambda response a presigned
// GetObject URL that lives five minutes, made at the click (a ticket never holds one).
import type { Readable } from 'node:stream';
import { GetObjectCommand, type GetObjectCommandOutput, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { type StoredMailKind, storedMailName } from '../../core/links/stored-mail.ts';
import type { StoredMailRead, StoredMailReader } from './ports.ts';
import { readCapped } from './s3-mail-store.ts';

export interface S3StoredMailReaderOptions {
  bucket: string;
  originalsPrefix: string;
  /** How long a direct download URL works. */
  directUrlSeconds?: number;
}

/** Without s3:ListBucket (the viewer has none) a missing key answers AccessDenied: missing too. */
const MISSING = new Set(['NoSuchKey', 'NotFound', 'AccessDenied']);

export class S3StoredMailReader implements StoredMailReader {
  constructor(
    private readonly client: S3Client,
    private readonly options: S3StoredMailReaderOptions,
  ) {}

  async read(sesMessageId: string, kind: StoredMailKind, maxBytes: number): Promise<StoredMailRead> {
    let output: GetObjectCommandOutput;
    try {
      output = await this.client.send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(sesMessageId, kind) }),
      );
    } catch (error) {
      if (MISSING.has((error as { name?: string }).name ?? '')) return { status: 'missing' };
      throw error;
    }
    const body = output.Body as (Readable & AsyncIterable<Uint8Array>) | undefined;
    if (!body) return { status: 'found', raw: new Uint8Array() };
    if ((output.ContentLength ?? 0) > maxBytes) {
      body.destroy();
      return { status: 'too-large', bytes: output.ContentLength ?? 0 };
    }
    const raw = await readCapped(
      body,
      maxBytes,
      `s3://${this.options.bucket}/${this.keyOf(sesMessageId, kind)}`,
    );
    return {
      status: 'found',
      raw,
      ...(output.ContentDisposition ? { contentDisposition: output.ContentDisposition } : {}),
    };
  }

  directUrl(sesMessageId: string, kind: StoredMailKind): Promise<string> {
    return getSignedUrl(
      this.client,
      new GetObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(sesMessageId, kind) }),
      { expiresIn: this.options.directUrlSeconds ?? 300 },
    );
  }

  private keyOf(sesMessageId: string, kind: StoredMailKind): string {
    return `${this.options.originalsPrefix}${storedMailName(sesMessageId, kind)}`;
  }
}
