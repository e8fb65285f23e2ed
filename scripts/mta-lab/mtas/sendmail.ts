// Sendmail 8.17 (Debian bookworm `sendmail-bin`, `sendmail-cf`): a .mc of its own built with m4,
// static routes in a mailertable, a queue return time of minutes.
import { emptyIn, inRoot, killByPidFile, type MtaDriver, runInRoot, startInRoot, writeIn } from './driver.ts';

const PID_FILE = '/run/sendmail/mta/sendmail.pid';

export const sendmail: MtaDriver = {
  name: 'sendmail',
  configure(root, s) {
    writeIn(
      root,
      '/etc/mail/lab.mc',
      `divert(-1)
divert(0)dnl
define(\`_USE_ETC_MAIL_')dnl
include(\`/usr/share/sendmail/cf/m4/cf.m4')dnl
VERSIONID(\`bounce-doctor mta-lab')dnl
OSTYPE(\`debian')dnl
DOMAIN(\`debian-mta')dnl
undefine(\`confHOST_STATUS_DIRECTORY')dnl
define(\`confDOMAIN_NAME', \`${s.hostname}')dnl
define(\`confDONT_PROBE_INTERFACES', \`True')dnl
define(\`confPID_FILE', \`${PID_FILE}')dnl
define(\`confTO_CONNECT', \`10s')dnl
define(\`confTO_ICONNECT', \`10s')dnl
define(\`confTO_INITIAL', \`20s')dnl
define(\`confTO_QUEUERETURN', \`${s.queueLifetimeSeconds}s')dnl
define(\`confTO_QUEUEWARN', \`1d')dnl
define(\`confMIN_QUEUE_AGE', \`0')dnl
define(\`confBIND_OPTS', \`-DNSRCH -DEFNAMES')dnl
FEATURE(\`mailertable', \`hash -o /etc/mail/mailertable')dnl
FEATURE(\`promiscuous_relay')dnl
FEATURE(\`accept_unresolvable_domains')dnl
FEATURE(\`accept_unqualified_senders')dnl
FEATURE(\`nocanonify')dnl
DAEMON_OPTIONS(\`Family=inet, Name=MTA-v4, Addr=${s.listen}, Port=smtp')dnl
MAILER(\`local')dnl
MAILER(\`smtp')dnl
`,
    );
    writeIn(root, '/etc/mail/mailertable', s.routes.map((r) => `${r.domain}\tesmtp:[${r.host}]\n`).join(''));
    inRoot(
      root,
      'sh',
      '-c',
      // makemap will not write into /etc/mail as root (Debian gives the folder to smmta): build, then move.
      'cd /etc/mail && m4 lab.mc > sendmail.cf 2>/dev/null && makemap hash /tmp/lab-mailertable < mailertable' +
        ' && mv /tmp/lab-mailertable.db mailertable.db && chown smmta:smmta mailertable.db',
    );
    inRoot(root, 'sh', '-c', 'mkdir -p /run/sendmail/mta && newaliases >/dev/null 2>&1 || true');
    emptyIn(root, '/var/spool/mqueue');
  },
  start(root) {
    startInRoot(root, '/usr/sbin/sendmail-mta', '-bd', '-q10s');
  },
  flush(root) {
    return runInRoot(root, '/usr/sbin/sendmail-mta', '-q');
  },
  stop(root) {
    killByPidFile(root, PID_FILE);
  },
};
