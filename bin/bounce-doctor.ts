// The bounce-doctor command line: argument parsing and printing only.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MissingPathError } from '../lambda/adapters/mail-files.ts';
import { runDiagnose } from './cli/diagnose.ts';
import type { Lang } from './cli/diagnose-output.ts';
import { PROBE_USAGE, runProbeCommand } from './cli/probe.ts';
import { REPLAY_USAGE, runReplay } from './cli/replay.ts';
import { LOCAL_VIEWER_BASE_URL, runLocal } from './cli/run-local.ts';

const USAGE = `Usage:
  bounce-doctor diagnose [--json] [--lang ja|en] [--summary] PATH...
      Decode bounce mails (.eml files, folders of them, mbox files) and say why each failed
      and what to do. --json prints one JSON line per file.
      Exit status: 0 every file decoded, 1 some file could not be read or decoded, 2 usage error.
${PROBE_USAGE}
  bounce-doctor run-local [--serve | --no-serve] [--port N] [--keep DIR] [--ticket generic|mail] [PATH...]
      What \`npm start\` runs: mail files (default: examples/bounces) through the bounce Lambda's
      handler code with no AWS: the files stand in for S3, a ticket receiver on loopback for the
      ticket API. Prints each ticket. Then, on a terminal (or with --serve), the viewer serves the
      printed links on http://127.0.0.1 (--port N, default any free port) until Ctrl+C; piped or
      with CI set (or --no-serve), it exits at once. --keep DIR keeps the stored mails in DIR/originals.
      --ticket mail writes each ticket mail (the \`mail\` ticket system) as an .eml file in
      DIR/mail (a kept temporary folder without --keep) and prints its path.
      Exit status: 0 every mail handled, 1 some mail failed.
${REPLAY_USAGE}
  bounce-doctor help`;

const DEFAULT_SAMPLES = fileURLToPath(new URL('../examples/bounces', import.meta.url));

class UsageError extends Error {
  override readonly name = 'UsageError';
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'diagnose':
      return diagnose(rest);
    case 'probe':
      return runProbeCommand(rest, { out: process.stdout, err: process.stderr, env: process.env });
    case 'run-local':
      return runLocalCommand(rest);
    case 'replay':
      return runReplay(rest, { out: process.stdout, err: process.stderr, env: process.env });
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    default:
      throw new UsageError(command ? `unknown command: ${command}` : 'no command given');
  }
}

async function diagnose(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
      summary: { type: 'boolean', default: false },
    },
  });
  if (positionals.length === 0) throw new UsageError('diagnose needs at least one file or folder');
  const lang = values.lang ?? (process.env.LANG?.startsWith('ja') ? 'ja' : 'en');
  if (lang !== 'ja' && lang !== 'en') throw new UsageError(`--lang must be ja or en, not "${lang}"`);
  return runDiagnose({
    paths: positionals,
    json: values.json,
    lang: lang satisfies Lang,
    summary: values.summary,
    out: process.stdout,
    err: process.stderr,
  });
}

async function runLocalCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      keep: { type: 'string' },
      serve: { type: 'boolean' },
      'no-serve': { type: 'boolean' },
      port: { type: 'string' },
      ticket: { type: 'string' },
    },
  });
  const ticket = values.ticket ?? 'generic';
  if (ticket !== 'generic' && ticket !== 'mail') {
    throw new UsageError(`--ticket must be generic or mail, not "${values.ticket}"`);
  }
  const port = Number(values.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UsageError(`--port must be a port number, not "${values.port}"`);
  }
  // Serving waits for Ctrl+C: only where someone can press it, unless asked.
  const serve =
    values.serve ?? (values['no-serve'] ? false : process.stdout.isTTY === true && !process.env.CI);
  return runLocal({
    paths: positionals.length > 0 ? positionals : [DEFAULT_SAMPLES],
    ...(values.keep ? { keep: values.keep } : {}),
    ticket,
    viewerBaseUrl: process.env.VIEWER_BASE_URL || LOCAL_VIEWER_BASE_URL,
    ...(serve ? { serve: { port, untilStopped: stopSignal() } } : {}),
    out: process.stdout,
    err: process.stderr,
  });
}

/** Settles on the first Ctrl+C (SIGINT) or SIGTERM; the run then closes the viewer and exits 0. */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const usage =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const missing = error instanceof MissingPathError;
    process.stderr.write(`bounce-doctor: ${(error as Error).message}\n`);
    if (usage) process.stderr.write(`${USAGE}\n`);
    process.exitCode = usage || missing ? 2 : 1;
  },
);
