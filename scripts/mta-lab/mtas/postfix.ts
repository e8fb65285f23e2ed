// Postfix 3.7 (Debian bookworm `postfix`): static routes in a transport map, DNS only through the
// lab's loopback resolver, a queue lifetime of minutes.
import { emptyIn, inRoot, type MtaDriver, runInRoot, startInRoot, tryInRoot, writeIn } from './driver.ts';

export const postfix: MtaDriver = {
  name: 'postfix',
  configure(root, s) {
    const settings: Record<string, string> = {
      compatibility_level: '3.6',
      myhostname: s.hostname,
      mydomain: s.hostname.slice(s.hostname.indexOf('.') + 1),
      myorigin: '$myhostname',
      inet_interfaces: s.listen,
      inet_protocols: 'ipv4',
      mydestination: '',
      mynetworks: '127.0.0.0/8',
      relay_domains: '',
      // Debian's "Local only" answer turns both into the error transport.
      default_transport: 'smtp',
      relay_transport: 'smtp',
      smtpd_relay_restrictions: 'permit_mynetworks, reject',
      transport_maps: 'hash:/etc/postfix/lab-transport',
      alias_maps: '',
      alias_database: '',
      local_recipient_maps: '',
      notify_classes: '',
      smtputf8_enable: 'no',
      smtp_tls_security_level: 'none',
      smtpd_tls_security_level: 'none',
      maximal_queue_lifetime: `${s.queueLifetimeSeconds}s`,
      bounce_queue_lifetime: `${s.queueLifetimeSeconds}s`,
      queue_run_delay: `${s.retrySeconds}s`,
      minimal_backoff_time: `${s.retrySeconds}s`,
      maximal_backoff_time: `${s.retrySeconds * 2}s`,
      delay_warning_time: '0',
      smtp_connect_timeout: '10s',
      smtp_helo_timeout: '20s',
      maillog_file: '/var/log/postfix.log',
    };
    inRoot(root, 'postconf', '-e', ...Object.entries(settings).map(([k, v]) => `${k}=${v}`));
    // The services run in the lab's root already: Postfix's own chroot would need copies of /etc.
    inRoot(root, 'postconf', '-F', '*/*/chroot=n');
    writeIn(
      root,
      '/etc/postfix/lab-transport',
      s.routes.map((r) => `${r.domain}\tsmtp:[${r.host}]\n`).join(''),
    );
    inRoot(root, 'postmap', '/etc/postfix/lab-transport');
    emptyIn(root, '/var/spool/postfix/deferred', '/var/spool/postfix/active', '/var/spool/postfix/incoming');
    emptyIn(root, '/var/spool/postfix/maildrop', '/var/spool/postfix/defer', '/var/spool/postfix/bounce');
  },
  start(root) {
    startInRoot(root, 'postfix', 'start');
  },
  flush(root) {
    return runInRoot(root, 'postqueue', '-f');
  },
  stop(root) {
    tryInRoot(root, 'postfix', 'stop');
  },
};
