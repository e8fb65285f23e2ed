// `bounce-doctor probe`: log in to an SMTP server once, the way the probe Lambda does, and report.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { probeSmtp } from '../../lambda/adapters/smtp-probe.ts';
import { caCertificates } from '../../lambda/contracts/ca-certificates.ts';
import { ConfigError } from '../../lambda/contracts/errors.ts';
import {
  AUTH_METHODS,
  MAX_TIMEOUT_MS,
  PROBE_DEFAULTS,
  type ProbeThresholds,
  parseEnvelope,
  parsePort,
  parseUser,
  SECURITIES,
} from '../../lambda/contracts/probe.ts';
import { oneOf, positiveNumber } from '../../lambda/contracts/values.ts';
import type { Lang } from '../../lambda/core/diagnosis/reasons.ts';
import { interpretProbe } from '../../lambda/core/probe/interpret.ts';
import { printable } from '../../lambda/core/probe/printable.ts';
import { probeReportLines } from '../../lambda/core/probe/report-text.ts';
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
  if (args.includes('--help') || args.includes('-h')) {
    io.out.write(`Usage:\n${PROBE_USAGE}\n`);
    return 0;
  }
  let request: ProbeRequest;
  try {
    request = await parseProbeArgs(args, io.env);
  } catch (error) {
    const message = usageMessage(error);
    if (message === undefined) throw error;
    io.err.write(`bounce-doctor probe: ${message}\nUsage:\n${PROBE_USAGE}\n`);
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
  thresholds: ProbeThresholds;
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
      from: { type: 'string' },
      rcpt: { type: 'string' },
      timeout: { type: 'string' },
      'slow-ms': { type: 'string' },
      'cert-warn-days': { type: 'string' },
      'ca-file': { type: 'string' },
    },
  });
  // Never echoed: a stray word is as likely a password typed in the wrong place as anything else.
  if (positionals.length > 0) {
    throw new ConfigError(
      'argument',
      'unexpected argument (options only; the password goes in SMTP_PASSWORD)',
    );
  }
  if (!values.host) throw new ConfigError('--host', 'is required');
  if (!values.user) throw new ConfigError('--user', 'is required');
  const password = env.SMTP_PASSWORD;
  if (!password) throw new ConfigError('SMTP_PASSWORD', 'set the password in this environment variable');
  const port = parsePort('--port', values.port ?? String(PROBE_DEFAULTS.port));
  const lang = values.lang ?? (env.LANG?.startsWith('ja') ? 'ja' : 'en');
  if (lang !== 'ja' && lang !== 'en')
    throw new ConfigError('--lang', `must be ja or en, not "${printable(lang)}"`);
  const envelope = parseEnvelope(
    { name: '--from', value: values.from },
    { name: '--rcpt', value: values.rcpt },
  );
  const timeoutSeconds = positiveNumber('--timeout', values.timeout, PROBE_DEFAULTS.timeoutMs / 1000, {
    max: MAX_TIMEOUT_MS / 1000,
  });
  const ca = values['ca-file'] ? await readCa(values['ca-file']) : undefined;
  return {
    json: values.json,
    lang,
    probe: {
      target: {
        host: values.host,
        port,
        security: oneOf('--security', values.security, SECURITIES, port === 465 ? 'tls' : 'starttls', {
          anyCase: true,
        }),
        user: parseUser('--user', values.user),
        authMethod: oneOf('--auth', values.auth, AUTH_METHODS, PROBE_DEFAULTS.authMethod, { anyCase: true }),
        ...(envelope ? { envelope } : {}),
      },
      password,
      timeoutMs: Math.round(timeoutSeconds * 1000),
      ...(ca ? { ca } : {}),
    },
    thresholds: {
      slowMs: positiveNumber('--slow-ms', values['slow-ms'], PROBE_DEFAULTS.thresholds.slowMs),
      certificateWarnDays: positiveNumber(
        '--cert-warn-days',
        values['cert-warn-days'],
        PROBE_DEFAULTS.thresholds.certificateWarnDays,
      ),
    },
  };
}

async function readCa(path: string): Promise<string[]> {
  let content: Buffer;
  try {
    content = await readFile(path);
  } catch (error) {
    throw new ConfigError('--ca-file', `cannot read ${printable(path)}`, { cause: error });
  }
  return caCertificates(content, '--ca-file');
}

function humanReport(result: ProbeResult, lang: Lang): string {
  const mark = { ok: 'OK', warning: 'WARNING', failure: 'FAILURE', transient: 'FAILURE (transient)' }[
    result.severity
  ];
  return `${mark}\n${probeReportLines(result, lang)
    .map((line) => `  ${line}`)
    .join('\n')}\n`;
}

/** What to tell about a usage error, or undefined when the error is not one. */
function usageMessage(error: unknown): string | undefined {
  if (error instanceof ConfigError) return error.message;
  const { code } = error as { code?: string };
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    // Named only when it looks like an option name: "--pasword=s3cret" or "--Hunter2!" is not echoed.
    const name = /Unknown option '(--?[a-z][a-z-]{0,30})'/.exec((error as Error).message)?.[1];
    return name ? `unknown option '${name}'` : 'an unknown option (not shown: it may be a password)';
  }
  if (code?.startsWith('ERR_PARSE_ARGS')) return printable((error as Error).message);
  return undefined;
}
