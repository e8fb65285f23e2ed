// The raw mails and the stored mails in S3: GetObject under the incoming prefix (size checked before the
// body is read), PutObject under the originals prefix (the original and the raw bounce a ticket links
// to). Nothing else: no list, no delete.
import type { Readable } from 'node:stream';
import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { type StoredMailKind, storedMailName } from '../../core/links/stored-mail.ts';
import { MAX_MAIL_BYTES } from '../../core/ses/event.ts';
import { IncomingMailNotFoundError, MailTooLargeError } from './errors.ts';
import type { IncomingMail, OriginalStore, StoredMail } from './ports.ts';

export interface S3MailStoreOptions {
  bucket: string;
  incomingPrefix: string;
  originalsPrefix: string;
  /** For tests; the default is SES's limit. */
  maxBytes?: number;
}

export class S3MailStore implements IncomingMail, OriginalStore {
  constructor(
    private readonly client: S3Client,
    private readonly options: S3MailStoreOptions,
  ) {}

  async read(sesMessageId: string): Promise<Uint8Array> {
    const key = `${this.options.incomingPrefix}${sesMessageId}`;
    const location = `s3://${this.options.bucket}/${key}`;
    const limit = this.options.maxBytes ?? MAX_MAIL_BYTES;
    let output: GetObjectCommandOutput;
    try {
      output = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === 'NoSuchKey' || name === 'NotFound')
        throw new IncomingMailNotFoundError(location, { cause: error });
      if (name === 'AccessDenied') {
        throw new IncomingMailNotFoundError(location, { cause: error, accessDenied: true });
      }
      throw error;
    }
    const body = output.Body as (Readable & AsyncIterable<Uint8Array>) | undefined;
    if (!body) return new Uint8Array();
    if ((output.ContentLength ?? 0) > limit) {
      body.destroy();
      throw new MailTooLargeError(location, output.ContentLength ?? 0, limit);
    }
    return readCapped(body, limit, location);
  }

  async put(sesMessageId: string, kind: StoredMailKind, mail: StoredMail): Promise<string> {
    const key = `${this.options.originalsPrefix}${storedMailName(sesMessageId, kind)}`;
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: key,
        Body: mail.raw,
        ContentType: 'message/rfc822',
        ContentDisposition: mail.contentDisposition,
      }),
    );
    return `s3://${this.options.bucket}/${key}`;
  }
}

/** Reads a stream to its end, stopping as soon as it passes `limit` bytes. */
export async function readCapped(
  stream: AsyncIterable<Uint8Array> & { destroy(): void },
  limit: number,
  location: string,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    bytes += chunk.byteLength;
    if (bytes > limit) {
      stream.destroy();
      throw new MailTooLargeError(location, bytes, limit);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
