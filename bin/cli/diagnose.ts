// `bounce-doctor diagnose`: decode bounce files, folders and mbox files; one result per file.
import { readFile } from 'node:fs/promises';
import { listMailFiles } from '../../lambda/adapters/mail-files.ts';
import { decodeMailbox } from '../../lambda/core/decode.ts';
import { fileResult } from '../../lambda/core/file-result.ts';
import { errorLine, humanBlock, humanError, jsonLine, type Lang } from './diagnose-output.ts';
import { BatchSummary } from './summary.ts';

export interface DiagnoseOptions {
  paths: readonly string[];
  json: boolean;
  lang: Lang;
  summary: boolean;
  /** Where results go (stdout) and where progress goes (stderr). */
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Runs the batch; resolves to the exit code: 0 all decoded, 1 some file failed. */
export async function runDiagnose(options: DiagnoseOptions): Promise<number> {
  const files = await listMailFiles(options.paths);
  const summary = new BatchSummary();
  const progress = options.err.isTTY === true && files.length > 50;
  let failed = 0;
  for (const [index, file] of files.entries()) {
    if (progress && index % 25 === 0) options.err.write(`\r${index}/${files.length} files`);
    try {
      const result = fileResult(await decodeMailbox(await readFile(file)));
      summary.add(result);
      options.out.write(
        `${options.json ? jsonLine(file, result) : humanBlock(file, result, options.lang)}\n`,
      );
    } catch (error) {
      failed++;
      summary.addFailure();
      const message = error instanceof Error ? error.message : String(error);
      options.out.write(
        `${options.json ? errorLine(file, message) : humanError(file, message, options.lang)}\n`,
      );
    }
    if (!options.json && index < files.length - 1) options.out.write('\n');
  }
  if (progress) options.err.write(`\r${files.length}/${files.length} files\n`);
  if (options.summary) {
    const text = summary.render();
    (options.json ? options.err : options.out).write(`${options.json ? '' : '\n'}${text}\n`);
  }
  return failed > 0 ? 1 : 0;
}
