// OpenSMTPD 6.8 (Debian bookworm `opensmtpd`): one relay action per static route, its queue's time to
// live in minutes. Its bounces are signed with the system's host name, so it runs in a UTS namespace
// of its own named after it.
import { execFileSync } from 'node:child_process';
import { emptyIn, type MtaDriver, runInRoot, tryInRoot, writeIn } from './driver.ts';

export const opensmtpd: MtaDriver = {
  name: 'opensmtpd',
  configure(root, s) {
    const routes = s.routes.flatMap((r, i) => [
      `action "route${i}" relay host smtp://${r.host}:25`,
      `match from any for domain "${r.domain}" action "route${i}"`,
    ]);
    writeIn(
      root,
      '/etc/smtpd.conf',
      [
        `queue ttl ${s.queueLifetimeSeconds}s`,
        'bounce warn-interval 1d',
        `listen on ${s.listen} port 25 hostname ${s.hostname}`,
        ...routes,
        'action "mx" relay',
        'match from local for any action "mx"',
        'match from src 127.0.0.0/8 for any action "mx"',
        '',
      ].join('\n'),
    );
    writeIn(root, '/etc/mailname', `${s.hostname}\n`);
    emptyIn(root, '/var/spool/smtpd/queue', '/var/spool/smtpd/incoming', '/var/spool/smtpd/temporary');
    emptyIn(root, '/var/spool/smtpd/corrupt', '/var/spool/smtpd/purge', '/var/spool/smtpd/offline');
  },
  start(root) {
    const hostname = 'opensmtpd.mta-lab.example';
    execFileSync(
      'unshare',
      ['--uts', 'chroot', root, 'sh', '-c', `hostname ${hostname} && exec smtpd -f /etc/smtpd.conf`],
      {
        stdio: 'ignore',
      },
    );
  },
  flush(root) {
    return runInRoot(root, 'smtpctl', 'schedule', 'all');
  },
  stop(root) {
    tryInRoot(root, 'smtpctl', 'stop');
  },
};
