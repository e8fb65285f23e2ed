// The usage text of every subcommand, kept apart from their code so that `--help` loads none of them.
import { MAX_TIMEOUT_MS, PROBE_DEFAULTS } from '../../lambda/contracts/probe.ts';

const { thresholds } = PROBE_DEFAULTS;

export const PROBE_USAGE = `  bounce-doctor probe [--json] [--lang ja|en] --host H [--port P] [--security tls|starttls|none]
                      --user U [--auth plain|login] [--from ADDRESS [--rcpt ADDRESS]]
                      [--timeout S] [--slow-ms MS] [--cert-warn-days D] [--ca-file FILE]
      Log in to an SMTP server once (DNS, connect, TLS, EHLO, AUTH, QUIT; no mail is sent) and say
      what is wrong and what to do. The password comes from SMTP_PASSWORD, never the command line.
      --from adds the sender check: MAIL FROM:<ADDRESS> and RCPT TO:<--rcpt, default the same
      address>, then RSET — never DATA: may this login send as that address?
      --ca-file trusts a company CA (PEM or DER) instead of the system list.
      Defaults: --port ${PROBE_DEFAULTS.port}, --security starttls (tls for port 465), --auth ${PROBE_DEFAULTS.authMethod}, --timeout ${PROBE_DEFAULTS.timeoutMs / 1000}
      (seconds per step, at most ${MAX_TIMEOUT_MS / 1000}), --slow-ms ${thresholds.slowMs}, --cert-warn-days ${thresholds.certificateWarnDays}.
      Exit status: 0 ok, 1 warning, 2 failure (or transient failure), 3 usage error.`;

export const REPLAY_USAGE = `  bounce-doctor replay --folder DIR
  bounce-doctor replay --s3 [--prefix P] [--since TIME] [--until TIME]
  bounce-doctor replay --queue URL [--max N]
      Run stored mails through the bounce handler again, configured like the Lambda by its
      environment variables (BUCKET_NAME, IDEMPOTENCY_TABLE, TICKET_*, LINK_*, VIEWER_BASE_URL)
      and the usual AWS credentials. --folder: mail files, ids from their names. --s3: the raw
      mails under INCOMING_PREFIX (or --prefix) last modified in [--since, --until) (ISO 8601).
      --queue: drain the on-failure queue; a record is deleted once its bounce was handled.
      A bounce that already got its ticket gets no second one.
      Exit status: 0 all handled, 1 some failed (queue records stay), 2 usage or configuration error.`;

export const USAGE = `Usage:
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
