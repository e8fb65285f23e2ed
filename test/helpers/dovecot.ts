// A private Dovecot submission service on loopback for the probe tests: its own config, passwd-file,
// certificates, sockets and log in a temp folder, started with `dovecot -c CONF` and stopped by the PID
// in <base_dir>/master.pid — never the system service. Needs Debian's dovecot-core and dovecot-submissiond.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, connect as tcpConnect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { KeyAndCert } from './certificates.ts';

export interface DovecotOptions {
  /** Login names and their passwords (stored as {PLAIN} in the passwd-file). */
  users: Readonly<Record<string, string>>;
  /** SASL mechanisms offered, e.g. ['plain', 'login']. */
  mechanisms: readonly string[];
  /**
   * One loopback address per entry, showing that certificate: Dovecot picks a certificate by the local
   * address (`local` blocks), so one instance serves every certificate fault on the same ports.
   */
  certificates: Readonly<Record<string, KeyAndCert>>;
  /** Where submission relays mail (Dovecot needs one); `relayPort` may be a port nothing listens on. */
  relayHost: string;
  relayPort: number;
  /** Seconds Dovecot waits before answering a failed login (its default is 2). */
  authFailureDelaySecs?: number;
  /** The addresses to listen on, one per certificate in order (default: free ones picked at random). */
  addresses?: readonly string[];
}

export interface RunningDovecot {
  /** The loopback address that shows the certificate named in `certificates`. */
  address(name: string): string;
  /** STARTTLS (587-like) and implicit TLS (465-like) ports, the same on every address. */
  submissionPort: number;
  submissionsPort: number;
  /** The instance's own log, for a failing test's message. */
  log(): string;
  stop(): Promise<void>;
}

/** Loopback addresses other than 127.0.0.1: Dovecot treats a client on its own address as secured. */
export function loopbackAddresses(count: number): string[] {
  const first = 2 + Math.floor(Math.random() * (250 - count));
  return Array.from({ length: count }, (_, i) => `127.0.0.${first + i}`);
}

export async function startDovecot(options: DovecotOptions): Promise<RunningDovecot> {
  const names = Object.keys(options.certificates);
  const addresses = options.addresses ?? loopbackAddresses(names.length);
  const addressOf = new Map(names.map((name, i) => [name, addresses[i] as string]));
  const [submissionPort, submissionsPort] = await freePorts(addresses, 2);
  const dir = mkdtempSync(join(tmpdir(), 'bd-dovecot-'));
  // Dovecot's unprivileged login and submission processes must reach the sockets and the home folder.
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'home'), { mode: 0o777 });
  chmodSync(join(dir, 'home'), 0o777);
  writeFileSync(
    join(dir, 'passwd'),
    Object.entries(options.users)
      .map(([user, password]) => `${user}:{PLAIN}${password}\n`)
      .join(''),
  );
  const locals = names.map((name) => {
    const pair = options.certificates[name] as KeyAndCert;
    writeFileSync(join(dir, `${name}.crt`), pair.cert);
    writeFileSync(join(dir, `${name}.key`), pair.key, { mode: 0o600 });
    return `local ${addressOf.get(name)} {\n  ssl_cert = <${dir}/${name}.crt\n  ssl_key = <${dir}/${name}.key\n}\n`;
  });
  const config = join(dir, 'dovecot.conf');
  writeFileSync(
    config,
    configText({
      dir,
      addresses,
      submissionPort: submissionPort as number,
      submissionsPort: submissionsPort as number,
      options,
    }) + locals.join(''),
  );
  const log = () => {
    try {
      return readFileSync(join(dir, 'dovecot.log'), 'utf8');
    } catch {
      return '';
    }
  };
  try {
    await startMaster(config);
    await waitForListener(addresses[0] as string, submissionPort as number);
    await waitForPidFile(dir);
  } catch (error) {
    const message = `Dovecot did not start: ${(error as Error).message}\n${log()}`;
    await stopByPid(dir);
    rmSync(dir, { recursive: true, force: true });
    throw new Error(message);
  }
  return {
    address: (name) => {
      const address = addressOf.get(name);
      if (!address) throw new Error(`no certificate named ${name}`);
      return address;
    },
    submissionPort: submissionPort as number,
    submissionsPort: submissionsPort as number,
    log,
    stop: async () => {
      await stopByPid(dir);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function configText(args: {
  dir: string;
  addresses: readonly string[];
  submissionPort: number;
  submissionsPort: number;
  options: DovecotOptions;
}): string {
  const { dir, addresses, options } = args;
  const root = process.getuid?.() === 0;
  const me = userInfo();
  // As root Dovecot drops to its own users (dovenull, dovecot) and the mail user; as anyone else it
  // runs every process as that user.
  const users = root
    ? ''
    : [
        `default_login_user = ${me.username}`,
        `default_internal_user = ${me.username}`,
        `default_internal_group = ${groupName(me.gid)}`,
        '',
      ].join('\n');
  const mailUser = root ? 'uid=nobody gid=nogroup' : `uid=${me.uid} gid=${me.gid}`;
  return `base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = bd-probe-${process.pid}-${args.submissionPort}
log_path = ${dir}/dovecot.log
${users}protocols = submission
listen = ${addresses.join(' ')}
hostname = localhost
ssl = yes
ssl_cert = <${dir}/${Object.keys(options.certificates)[0]}.crt
ssl_key = <${dir}/${Object.keys(options.certificates)[0]}.key
auth_mechanisms = ${options.mechanisms.join(' ')}
disable_plaintext_auth = yes
auth_failure_delay = ${options.authFailureDelaySecs ?? 2} secs
mail_location = maildir:~/Maildir
submission_relay_host = ${options.relayHost}
submission_relay_port = ${options.relayPort}
service submission-login {
${root ? '' : '  chroot =\n'}  inet_listener submission {
    address = ${addresses.join(' ')}
    port = ${args.submissionPort}
  }
  inet_listener submissions {
    address = ${addresses.join(' ')}
    port = ${args.submissionsPort}
    ssl = yes
  }
}
service anvil {
  chroot =
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = ${mailUser} home=${dir}/home
}
`;
}

/** Runs `dovecot -c CONF`, which forks the master into the background and exits. */
async function startMaster(config: string): Promise<void> {
  // stdio ignored: the master keeps inherited pipes open, and a caller reading them would wait forever.
  // Debian installs it in /usr/sbin, which is not on every user's PATH.
  const binary = existsSync('/usr/sbin/dovecot') ? '/usr/sbin/dovecot' : 'dovecot';
  const child = spawn(binary, ['-c', config], { stdio: 'ignore' });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`dovecot -c ${config} exited with ${code}`);
}

function groupName(gid: number): string {
  const line = readFileSync('/etc/group', 'utf8')
    .split('\n')
    .find((entry) => entry.split(':')[2] === String(gid));
  return line?.split(':')[0] ?? String(gid);
}

/** `count` ports free on every one of the addresses (Dovecot listens on each with the same port). */
async function freePorts(addresses: readonly string[], count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const probe = createServer();
    probe.listen(0, addresses[0]);
    await once(probe, 'listening');
    const { port } = probe.address() as { port: number };
    probe.close();
    if (!ports.includes(port) && (await freeOnAll(addresses.slice(1), port))) ports.push(port);
  }
  return ports;
}

async function freeOnAll(addresses: readonly string[], port: number): Promise<boolean> {
  for (const address of addresses) {
    const server = createServer();
    const free = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, address, () => resolve(true));
    });
    if (free) await new Promise<void>((resolve) => server.close(() => resolve()));
    if (!free) return false;
  }
  return true;
}

async function waitForListener(address: string, port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const connected = await new Promise<boolean>((resolve) => {
      const socket = tcpConnect(port, address);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (connected) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${address}:${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The master writes its PID only after it listens; stopping needs it. */
async function waitForPidFile(dir: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!existsSync(join(dir, 'run', 'master.pid'))) {
    if (Date.now() > deadline) throw new Error('no master.pid');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * SIGTERM to the master named in master.pid, then its children that outlive it (a login process with a
 * delayed failed login does, here), each by PID; SIGKILL for whatever is left after a few seconds.
 */
async function stopByPid(dir: string): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dir, 'run', 'master.pid'), 'utf8').trim());
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 1 || !alive(pid)) return;
  const children = childrenOf(pid);
  process.kill(pid, 'SIGTERM');
  await gone([pid], 5_000);
  const left = children.filter(alive);
  for (const child of left) process.kill(child, 'SIGTERM');
  await gone(left, 3_000);
}

/** A process that exists and is not a zombie (the daemonised master lingers as one where nothing reaps orphans). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function childrenOf(parent: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent;
      } catch {
        return false;
      }
    });
}

async function gone(pids: readonly number[], withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  for (const pid of pids.filter(alive)) process.kill(pid, 'SIGKILL');
}
