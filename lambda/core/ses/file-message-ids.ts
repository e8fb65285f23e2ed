// Message ids for mail files (local runs, folder replays): the file name without its extension, made
// safe for an object key and a link; SES's own ids (a download of incoming/) stay as they are.
import { basename, extname } from 'node:path';
import { SAFE_MESSAGE_ID } from '../links/link-token.ts';

/** Each file's id, in the files' order; a clash gets a numbered suffix. */
export function messageIdsForFiles(files: readonly string[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const file of files) {
    const stem = basename(file, extname(file)) || basename(file);
    const base =
      stem
        .replace(/[^A-Za-z0-9._+=-]+/g, '-')
        .replace(/^[^A-Za-z0-9]+/, '')
        .slice(0, 200) || 'mail';
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    if (!SAFE_MESSAGE_ID.test(id)) throw new TypeError(`no safe message id for ${file}`);
    ids.set(id, file);
  }
  return ids;
}
