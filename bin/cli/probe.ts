// `bounce-doctor probe`: log in to an SMTP server once, the way the probe Lambda does, and report.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { probeSmtp } from '../../lambda/adapters/smtp-probe.ts';
import {
  DEFAULT_TIMEOUT_MS,
  parseAuthMethod,
  parsePort,
  parsePositive,
  parseSecurity,
} from '../../lambda/core/probe/config.ts';
import { ProbeConfigError } from '../../lambda/core/probe/errors.ts';
import { DEFAULT_THRESHOLDS, interpretProbe } from '../../lambda/core/probe/interpret.ts';
import { type Lang, probeReportLines } from '../../lambda/core/probe/report-text.ts';
import type { ProbeResult, Severity } from '../../lambda/core/probe/types.ts';
import { PROBE_USAGE } from './usage.ts';

export interface ProbeCommandIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  env: Readonly<Record<string, string | undefined>>;
}

const EXIT: Readonly<Record<Severity, number>> = { ok: 0, warning: 1, failure: 2, transient: 2 };
const USAGE_EXIT = 3;

export async function runProbeCommand(args: readonly string[], io: ProbeCommandIo): Promise<number> {
  let request: ProbeRequest;
  try {
    request = await parseProbeArgs(args, io.env);
  } catch (error) {
    if (!(error instanceof ProbeConfigError) && !isParseArgsError(error)) throw error;
    io.err.write(`bounce-doctor probe: ${(error as Error).message}\nUsage:\n${PROBE_USAGE}\n`);
    return USAGE_EXIT;
  }
  const observation = await probeSmtp(request.probe);
  const result = interpretProbe(observation, { now: new Date(), thresholds: request.thresholds });
  io.out.write(request.json ? `${JSON.stringify(result)}\n` : humanReport(result, request.lang));
  return EXIT[result.severity];
}

interface ProbeRequest {
  json: boolean;
  lang: Lang;
  probe: Parameters<typeof probeSmtp>[0];
  thresholds: typeof DEFAULT_THRESHOLDS;
}

async function parseProbeArgs(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Promise<ProbeRequest> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      security: { type: 'string' },
      user: { type: 'string' },
      auth: { type: 'string', default: 'plain' },
      timeout: { type: 'string' },
      'slow-ms': { type: 'string' },
      'cert-warn-days': { type: 'string' },
      'ca-file': { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new ProbeConfigError(positionals[0] ?? '', 'unexpected argument');
  if (!values.host) throw new ProbeConfigError('--host', 'is required');
  if (!values.user) throw new ProbeConfigError('--user', 'is required');
  const password = env.SMTP_PASSWORD;
  if (!password) throw new ProbeConfigError('SMTP_PASSWORD', 'set the password in this environment variable');
  const port = parsePort('--port', values.port ?? '587');
  const lang = values.lang ?? (env.LANG?.startsWith('ja') ? 'ja' : 'en');
  if (lang !== 'ja' && lang !== 'en') throw new ProbeConfigError('--lang', `must be ja or en, not "${lang}"`);
  const ca = values['ca-file'] ? [await readCa(values['ca-file'])] : undefined;
  return {
    json: values.json,
    lang,
    probe: {
      target: {
        host: values.host,
        port,
        security: parseSecurity('--security', values.security ?? (port === 465 ? 'tls' : 'starttls')),
        user: values.user,
        authMethod: parseAuthMethod('--auth', values.auth),
      },
      password,
      timeoutMs: parsePositive('--timeout', values.timeout, DEFAULT_TIMEOUT_MS / 1000) * 1000,
      ...(ca ? { ca } : {}),
    },
    thresholds: {
      slowMs: parsePositive('--slow-ms', values['slow-ms'], DEFAULT_THRESHOLDS.slowMs),
      certificateWarnDays: parsePositive(
        '--cert-warn-days',
        values['cert-warn-days'],
        DEFAULT_THRESHOLDS.certificateWarnDays,
      ),
    },
  };
}

async function readCa(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new ProbeConfigError('--ca-file', `cannot read ${path}`, { cause: error });
  }
}

function humanReport(result: ProbeResult, lang: Lang): string {
  const mark = { ok: 'OK', warning: 'WARNING', failure: 'FAILURE', transient: 'FAILURE (transient)' }[
    result.severity
  ];
  return `${mark}\n${probeReportLines(result, lang)
    .map((line) => `  ${line}`)
    .join('\n')}\n`;
}

function isParseArgsError(error: unknown): boolean {
  return (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ?? false;
}
