// Whole-process timing for `npm run bench`: wall-clock time of child processes, start to exit, with
// their output thrown away, as a user running the command would wait for it. No hyperfine needed.
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Command {
  file: string;
  args: readonly string[];
}

/** Runs a command to completion with stdout going to /dev/null; its wall-clock time in ms. */
export function timeProcess(command: Command): number {
  const devNull = openSync('/dev/null', 'w');
  try {
    const started = performance.now();
    const run = spawnSync(command.file, command.args, {
      stdio: ['ignore', devNull, 'pipe'],
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    const ms = performance.now() - started;
    if (run.error) throw run.error;
    if (run.status !== 0) {
      throw new Error(`${command.file} ${command.args.join(' ')} exited ${run.status}: ${run.stderr}`);
    }
    return ms;
  } finally {
    closeSync(devNull);
  }
}

/**
 * Times each command `rounds` times, the commands taking turns, so that both sides of a comparison
 * meet the same load on a shared machine. Returns each command's times in ms.
 */
export function timeInTurns(commands: readonly Command[], rounds: number): number[][] {
  const times = commands.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (const [i, command] of commands.entries()) times[i]?.push(timeProcess(command));
  }
  return times;
}

/** A temporary folder holding every file `copies` times over (flat: Sisimai's runner reads one level). */
export function repeatedCorpus(folder: string, names: readonly string[], copies: number): string {
  const into = mkdtempSync(join(tmpdir(), 'bd-bench-'));
  for (let copy = 0; copy < copies; copy++) {
    for (const name of names) copyFileSync(join(folder, name), join(into, `r${copy}-${name}`));
  }
  return into;
}

/** A temporary folder holding one file (Sisimai's runner takes folders only). */
export function folderOf(file: string, name: string): string {
  const into = mkdtempSync(join(tmpdir(), 'bd-bench-'));
  copyFileSync(file, join(into, name));
  return into;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
