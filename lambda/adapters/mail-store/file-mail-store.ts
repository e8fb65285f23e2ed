// Mails as local files, for the command line: named mail files in place of S3's incoming prefix, and a
// folder in place of the originals prefix (the .eml beside a small JSON of the headers S3 would keep).
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_MAIL_BYTES } from '../../core/bounce/ses-event.ts';
import { IncomingMailNotFoundError, MailTooLargeError } from './errors.ts';
import type { IncomingMail, OriginalStore, StoredOriginal } from './ports.ts';

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

export class FolderOriginalStore implements OriginalStore {
  constructor(private readonly folder: string) {}

  async put(sesMessageId: string, original: StoredOriginal): Promise<string> {
    await mkdir(this.folder, { recursive: true });
    const path = join(this.folder, `${sesMessageId}.eml`);
    await writeFile(path, original.raw);
    const headers = { contentType: 'message/rfc822', contentDisposition: original.contentDisposition };
    await writeFile(`${path}.json`, `${JSON.stringify(headers, null, 2)}\n`);
    return path;
  }
}
