// Lists the raw mails SES stored under a prefix, for `bounce-doctor replay --s3`: the objects right
// under the prefix whose names are message ids, last modified within a time range, oldest first.
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { SAFE_MESSAGE_ID } from '../../core/links/link-token.ts';

export interface StoredMail {
  messageId: string;
  lastModified: Date;
  bytes: number;
}

export interface StoredMailQuery {
  bucket: string;
  prefix: string;
  /** Inclusive. */
  since?: Date;
  /** Exclusive. */
  until?: Date;
}

export async function listStoredMails(client: S3Client, query: StoredMailQuery): Promise<StoredMail[]> {
  const mails: StoredMail[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: query.bucket, Prefix: query.prefix, ContinuationToken: token }),
    );
    for (const object of page.Contents ?? []) {
      const messageId = (object.Key ?? '').slice(query.prefix.length);
      const lastModified = object.LastModified;
      if (!SAFE_MESSAGE_ID.test(messageId) || !lastModified) continue;
      if (query.since && lastModified < query.since) continue;
      if (query.until && lastModified >= query.until) continue;
      mails.push({ messageId, lastModified, bytes: object.Size ?? 0 });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return mails.sort((a, b) => a.lastModified.getTime() - b.lastModified.getTime());
}
