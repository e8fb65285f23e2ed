#!/usr/bin/env node
// The bounce-doctor command line: argument parsing and printing only. Each subcommand's module is
// imported when that subcommand runs, so `diagnose` and `--help` never load the AWS SDK or nodemailer.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MissingPathError } from '../lambda/adapters/mail-files.ts';
import type { Lang } from '../lambda/core/diagnosis/reasons.ts';
import { USAGE } from './cli/usage.ts';

const DEFAULT_SAMPLES = fileURLToPath(new URL('../examples/bounces', import.meta.url));

class UsageError extends Error {
  override readonly name = 'UsageError';
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'diagnose':
      return diagnose(rest);
    case 'probe': {
      const { runProbeCommand } = await import('./cli/probe.ts');
      return runProbeCommand(rest, { out: process.stdout, err: process.stderr, env: process.env });
    }
    case 'run-local':
      return runLocalCommand(rest);
    case 'replay': {
      const { runReplay } = await import('./cli/replay.ts');
      return runReplay(rest, { out: process.stdout, err: process.stderr, env: process.env });
    }
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
  const { runDiagnose } = await import('./cli/diagnose.ts');
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
  const { LOCAL_VIEWER_BASE_URL, runLocal } = await import('./cli/run-local.ts');
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
