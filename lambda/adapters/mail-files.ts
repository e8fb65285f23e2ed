// Finds the mail files a user named on the command line: files as given, folders searched for mail.
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

/** File name endings read from folders; a file named on the command line is always read. */
const MAIL_EXTENSIONS = new Set(['.eml', '.mbox', '.mbx', '.mail', '.msg']);
/** Maildir keeps one message per file, without an extension, under cur/ and new/. */
const MAILDIR_FOLDERS = new Set(['cur', 'new']);

export class MissingPathError extends Error {
  override readonly name = 'MissingPathError';
  constructor(
    readonly path: string,
    options?: ErrorOptions,
  ) {
    super(`no such file or folder: ${path}`, options);
  }
}

/** Lists the mail files under the given paths, each folder's files sorted by name. */
export async function listMailFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch((error: unknown) => {
      throw new MissingPathError(path, { cause: error });
    });
    if (info.isDirectory()) files.push(...(await walk(path)));
    else files.push(path);
  }
  return files;
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else if (entry.isFile() && isMailFile(path)) files.push(path);
  }
  return files;
}

function isMailFile(path: string): boolean {
  if (MAIL_EXTENSIONS.has(extname(path).toLowerCase())) return true;
  return MAILDIR_FOLDERS.has(basename(dirname(path)));
}
