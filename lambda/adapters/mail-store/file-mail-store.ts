// Mails as local files, for the command line: named mail files in place of S3's incoming prefix, and a
// folder in place of the originals prefix (each stored mail beside a small JSON of the headers S3
// would keep), written by the bounce handler and read back by the local viewer.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SAFE_MESSAGE_ID } from '../../core/links/link-token.ts';
import { type StoredMailKind, storedMailName } from '../../core/links/stored-mail.ts';
import { MAX_MAIL_BYTES } from '../../core/ses/event.ts';
import { IncomingMailNotFoundError, MailTooLargeError } from './errors.ts';
import type { IncomingMail, OriginalStore, StoredMail, StoredMailRead, StoredMailReader } from './ports.ts';

/** Mail files by message id (e.g. the file name without its extension). */
export class FileMailSource implements IncomingMail {
  constructor(
    private readonly files: ReadonlyMap<string, string>,
    private readonly maxBytes = MAX_MAIL_BYTES,
  ) {}

  async read(sesMessageId: string): Promise<Uint8Array> {
    const path = this.files.get(sesMessageId);
    if (!path) throw new IncomingMailNotFoundError(`(no file for ${sesMessageId})`);
    const info = await stat(path).catch((error: unknown) => {
      throw new IncomingMailNotFoundError(path, { cause: error });
    });
    if (info.size > this.maxBytes) throw new MailTooLargeError(path, info.size, this.maxBytes);
    return readFile(path);
  }
}

interface StoredHeaders {
  contentType: string;
  contentDisposition: string;
}

export class FolderOriginalStore implements OriginalStore, StoredMailReader {
  constructor(private readonly folder: string) {}

  async put(sesMessageId: string, kind: StoredMailKind, mail: StoredMail): Promise<string> {
    await mkdir(this.folder, { recursive: true });
    const path = this.pathOf(sesMessageId, kind);
    await writeFile(path, mail.raw);
    const headers: StoredHeaders = {
      contentType: 'message/rfc822',
      contentDisposition: mail.contentDisposition,
    };
    await writeFile(`${path}.json`, `${JSON.stringify(headers, null, 2)}\n`);
    return path;
  }

  async read(sesMessageId: string, kind: StoredMailKind, maxBytes: number): Promise<StoredMailRead> {
    // The id comes from a verified link; the check keeps a path out of it all the same.
    if (!SAFE_MESSAGE_ID.test(sesMessageId)) return { status: 'missing' };
    const path = this.pathOf(sesMessageId, kind);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return { status: 'missing' };
    if (info.size > maxBytes) return { status: 'too-large', bytes: info.size };
    const headers = await readFile(`${path}.json`, 'utf8').then(
      (text) => JSON.parse(text) as Partial<StoredHeaders>,
      () => ({}) as Partial<StoredHeaders>,
    );
    return {
      status: 'found',
      raw: await readFile(path),
      ...(headers.contentDisposition ? { contentDisposition: headers.contentDisposition } : {}),
    };
  }

  private pathOf(sesMessageId: string, kind: StoredMailKind): string {
    return join(this.folder, storedMailName(sesMessageId, kind));
  }
}
