// Courier 1.0.16 (Debian bookworm `courier-mta`): static routes in esmtproutes, relaying allowed from
// loopback in smtpaccess, a queue time and retry intervals of minutes.
import { emptyIn, inRoot, type MtaDriver, runInRoot, startInRoot, tryInRoot, writeIn } from './driver.ts';

export const courier: MtaDriver = {
  name: 'courier',
  configure(root, s) {
    const files: Record<string, string> = {
      me: s.hostname,
      defaultdomain: s.hostname,
      // Courier's own default (Debian's package leaves "mailer-daemon@" with no domain).
      dsnfrom: `"Courier mail server at ${s.hostname}" <@>`,
      locals: 'localhost',
      esmtproutes: s.routes.map((r) => `${r.domain}: ${r.host}`).join('\n'),
      'smtpaccess/default': '127\tallow,RELAYCLIENT',
      queuetime: `${s.queueLifetimeSeconds}`,
      warntime: '1d',
      retryalpha: `${s.retrySeconds}`,
      retrybeta: '1',
      retrygamma: `${s.retrySeconds}`,
      retrymaxdelta: '1',
      esmtpdelay: `${s.retrySeconds}`,
      esmtptimeoutconnect: '10',
      esmtptimeouthelo: '20',
      esmtptimeoutkeepalive: '5',
    };
    for (const [name, text] of Object.entries(files)) writeIn(root, `/etc/courier/${name}`, `${text}\n`);
    const esmtpd = inRoot(root, 'cat', '/etc/courier/esmtpd')
      .replace(/^ADDRESS=.*$/m, '')
      .replace(/^BOFHCHECKDNS=.*$/m, 'BOFHCHECKDNS=0')
      .replace(
        /^TCPDOPTS=.*$/m,
        'TCPDOPTS="-stderrlogger=/usr/sbin/courierlogger -noidentlookup -nodnslookup"',
      );
    writeIn(root, '/etc/courier/esmtpd', `${esmtpd.trimEnd()}\nADDRESS=${s.listen}\n`);
    inRoot(root, 'sh', '-c', 'makesmtpaccess && makealiases >/dev/null 2>&1 || true');
    emptyIn(root, '/var/lib/courier/msgs', '/var/lib/courier/msgq', '/var/lib/courier/tmp');
  },
  start(root) {
    startInRoot(root, 'sh', '-c', 'mkdir -p /run/courier && courier start && esmtpd start');
  },
  flush(root) {
    return runInRoot(root, 'courier', 'flush');
  },
  stop(root) {
    tryInRoot(root, 'esmtpd', 'stop');
    tryInRoot(root, 'courier', 'stop');
  },
};
