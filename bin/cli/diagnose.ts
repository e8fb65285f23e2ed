// `bounce-doctor diagnose`: decode bounce files, folders and mbox files; one result per file.
import { readFileSync } from 'node:fs';
import { listMailFiles } from '../../lambda/adapters/mail-files.ts';
import { decodeMailbox } from '../../lambda/core/decode.ts';
import type { Lang } from '../../lambda/core/diagnosis/reasons.ts';
import { fileResult } from '../../lambda/core/file-result.ts';
import { errorLine, humanBlock, humanError, jsonLine } from './diagnose-output.ts';
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

/** Output is gathered into writes of about this size: one write per file costs a system call each. */
const OUTPUT_CHUNK = 64 * 1024;

/** Runs the batch; resolves to the exit code: 0 all decoded, 1 some file failed. */
export async function runDiagnose(options: DiagnoseOptions): Promise<number> {
  const files = await listMailFiles(options.paths);
  const summary = new BatchSummary();
  const progress = options.err.isTTY === true && files.length > 50;
  const out = new BufferedOutput(options.out);
  let failed = 0;
  for (const [index, file] of files.entries()) {
    if (progress && index % 25 === 0) options.err.write(`\r${index}/${files.length} files`);
    try {
      // Read synchronously: the files are read one after another anyway, and an asynchronous read
      // spends more time passing each file through the thread pool than reading it.
      const result = fileResult(await decodeMailbox(readFileSync(file)));
      summary.add(result);
      out.write(`${options.json ? jsonLine(file, result) : humanBlock(file, result, options.lang)}\n`);
    } catch (error) {
      failed++;
      summary.addFailure();
      const message = error instanceof Error ? error.message : String(error);
      out.write(`${options.json ? errorLine(file, message) : humanError(file, message, options.lang)}\n`);
    }
    if (!options.json && index < files.length - 1) out.write('\n');
  }
  out.flush();
  if (progress) options.err.write(`\r${files.length}/${files.length} files\n`);
  if (options.summary) {
    const text = summary.render();
    (options.json ? options.err : options.out).write(`${options.json ? '' : '\n'}${text}\n`);
  }
  return failed > 0 ? 1 : 0;
}

class BufferedOutput {
  private pending = '';

  constructor(private readonly out: NodeJS.WritableStream) {}

  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= OUTPUT_CHUNK) this.flush();
  }

  flush(): void {
    if (this.pending) this.out.write(this.pending);
    this.pending = '';
  }
}
