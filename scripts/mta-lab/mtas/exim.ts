// Exim 4.96 (Debian bookworm `exim4-daemon-light`): a configuration of its own (exim4.conf wins over
// Debian's generated one), static routes by manualroute, a retry rule that gives up in minutes.
import { emptyIn, killByPidFile, type MtaDriver, runInRoot, startInRoot, writeIn } from './driver.ts';

const PID_FILE = '/var/spool/exim4/exim-daemon.pid';

export const exim: MtaDriver = {
  name: 'exim',
  configure(root, s) {
    writeIn(root, '/etc/exim4/lab-routes', s.routes.map((r) => `${r.domain}: ${r.host}\n`).join(''));
    writeIn(
      root,
      '/etc/exim4/exim4.conf',
      `primary_hostname = ${s.hostname}
qualify_domain = ${s.hostname}
local_interfaces = ${s.listen}
daemon_smtp_ports = 25
pid_file_path = ${PID_FILE}
exim_user = Debian-exim
exim_group = Debian-exim
never_users = root
host_lookup =
rfc1413_hosts =
tls_advertise_hosts =
acl_smtp_rcpt = acl_check_rcpt
delay_warning = 0s
timeout_frozen_after = 1h
ignore_bounce_errors_after = 1h
log_file_path = /var/log/exim4/%slog

begin acl
acl_check_rcpt:
  accept hosts = 127.0.0.0/8
  deny message = relay not permitted

begin routers
lab_routes:
  driver = manualroute
  route_data = \${lookup{$domain}lsearch{/etc/exim4/lab-routes}}
  transport = remote_smtp
dnslookup:
  driver = dnslookup
  transport = remote_smtp
  no_more

begin transports
remote_smtp:
  driver = smtp
  connect_timeout = 10s
  command_timeout = 20s

begin retry
*   *   F,${s.queueLifetimeSeconds}s,${s.retrySeconds}s

begin rewrite
begin authenticators
`,
    );
    emptyIn(root, '/var/spool/exim4/input', '/var/spool/exim4/msglog', '/var/spool/exim4/db');
  },
  start(root) {
    startInRoot(root, 'exim4', '-bd', '-q10s');
  },
  flush(root) {
    return runInRoot(root, 'exim4', '-q');
  },
  stop(root) {
    killByPidFile(root, PID_FILE);
  },
};
