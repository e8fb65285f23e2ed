// Readies an MTA's root for a run: the lab's host names in /etc/hosts, the loopback resolver, /proc
// and /dev mounted (in the lab's own mount namespace: the mounts end with the run).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function prepareRoot(root: string, names: ReadonlyMap<string, string>, resolver: string): void {
  const hosts = ['127.0.0.1\tlocalhost', ...[...names].map(([name, ip]) => `${ip}\t${name}`)];
  writeFileSync(join(root, 'etc/hosts'), `${hosts.join('\n')}\n`);
  writeFileSync(join(root, 'etc/resolv.conf'), `nameserver ${resolver}\noptions timeout:2\n`);
  writeFileSync(
    join(root, 'etc/nsswitch.conf'),
    'passwd: files\ngroup: files\nshadow: files\nhosts: files dns\n',
  );
  mountOnce(join(root, 'proc'), ['-t', 'proc', 'proc']);
  mountOnce(join(root, 'dev'), ['--bind', '/dev']);
}

function mountOnce(where: string, args: readonly string[]): void {
  const mounted = readFileSync('/proc/self/mounts', 'utf8')
    .split('\n')
    .some((line) => line.split(' ')[1] === where);
  if (!mounted) execFileSync('mount', [...args, where]);
}
