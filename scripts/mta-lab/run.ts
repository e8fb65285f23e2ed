// `npm run mta-lab`: the real-MTA bounce lab. Sends each case's message through real MTAs (Postfix,
// Exim, OpenSMTPD, Sendmail, Courier, each in its Debian chroot) to scripted servers that answer with
// real replies, and collects the bounces the MTAs write as fixtures (test/fixtures/mta-lab/).
// Linux and root only; it re-runs itself in new network, mount, UTS and PID namespaces, so nothing
// leaves loopback and every MTA and mount ends with it. Build the roots first: setup-roots.sh.
// Options: --only=postfix,exim  --limit=N (first N cases)  --out=DIR (default the fixtures folder)
//          --sample=2 (the next replies of each reason, never used for fixing: write it elsewhere, --out)
//          --timeout=SECONDS (how long to wait for the bounces, default 900)
//          --expectations-only (no MTA: rewrite expectations.json for the bounces already collected)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type LabCase, labCases, MTAS, type MtaName } from './cases.ts';
import { CATCHER, LOOPBACK, providerDestinations, REFUSED, SERVFAIL, SILENT } from './destinations.ts';
import { startDnsStub } from './dns-stub.ts';
import { refreshExpectations, writeFixtures } from './fixtures.ts';
import { DRIVERS } from './mtas/index.ts';
import { prepareRoot } from './roots.ts';
import {
  type Closable,
  startCatcher,
  startEarlyRefusal,
  startScriptedServer,
  startSilentServer,
} from './servers.ts';
import { submitAll } from './submit.ts';

const ROOTS = process.env.MTA_LAB_ROOTS ?? '/work/mta-lab-roots';
const option = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? undefined;

if (process.argv.includes('--expectations-only'))
  refreshExpectations(option('out'), Number(option('sample') ?? 1));
else if (process.env.MTA_LAB_INSIDE === '1') await runInside();
else runOutside();

function runOutside(): void {
  if (process.getuid?.() !== 0) fail('the lab needs root (chroot, namespaces, mounts)');
  for (const mta of MTAS)
    if (!existsSync(join(ROOTS, mta, '.mta-lab-ready')))
      fail(`no root for ${mta} under ${ROOTS}: run scripts/mta-lab/setup-roots.sh first`);
  const self = [process.execPath, ...process.execArgv, process.argv[1] ?? '', ...process.argv.slice(2)];
  const namespaces = ['--net', '--mount', '--uts', '--pid', '--fork', '--mount-proc', '--kill-child'];
  const run = spawnSync('unshare', [...namespaces, 'env', 'MTA_LAB_INSIDE=1', ...self], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

function fail(message: string): never {
  process.stderr.write(`mta-lab: ${message}\n`);
  process.exit(2);
}

async function runInside(): Promise<void> {
  // The lab is its namespace's first process, which has no default signal handling.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
  execFileSync('ip', ['link', 'set', 'lo', 'up']);
  execFileSync('hostname', ['mta-lab.example']);
  // Some MTAs (Postfix) listen only on an address an interface has.
  for (const i of MTAS.keys()) execFileSync('ip', ['addr', 'add', `${LOOPBACK.mta(i)}/32`, 'dev', 'lo']);
  const only = option('only')?.split(',') ?? [...MTAS];
  const mtas = MTAS.filter((m) => only.includes(m));
  const limit = Number(option('limit') ?? 0);
  const cases = labCases(Number(option('sample') ?? 1))
    .filter((c, i) => !limit || i < limit || c.fault)
    .map((c) => ({ ...c, mtas: c.mtas.filter((m) => mtas.includes(m)) }))
    .filter((c) => c.mtas.length > 0);
  const names = hostNames(cases, mtas);
  const received = new Map<string, Buffer[]>();
  const servers = await startServers(cases, names, received);
  const roots = mtas.map((mta) => ({ mta, root: join(ROOTS, mta) }));
  try {
    for (const { mta, root } of roots) startMta(mta, root, names, cases);
    log(`${cases.length} cases, ${cases.reduce((n, c) => n + c.mtas.length, 0)} messages`);
    const refused = await submitAll(cases, (mta) => LOOPBACK.mta(MTAS.indexOf(mta)));
    for (const [message, reply] of refused) log(`refused at submission, no bounce: ${message}: ${reply}`);
    await waitForBounces(cases, received, roots, refused);
    writeFixtures(cases, received, option('out'), mtas);
  } finally {
    for (const { mta, root } of roots) DRIVERS[mta].stop(root);
    for (const server of servers) await server.close();
  }
}

/** Every host name of the lab and its loopback address: the roots' /etc/hosts and the resolver serve them. */
function hostNames(cases: readonly LabCase[], mtas: readonly MtaName[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const d of [...providerDestinations(), REFUSED, SILENT, CATCHER]) names.set(d.host, d.ip);
  for (const c of cases) if (c.destination.host) names.set(c.destination.host, c.destination.ip);
  for (const mta of mtas) names.set(`${mta}.mta-lab.example`, LOOPBACK.mta(MTAS.indexOf(mta)));
  names.set('sender.example', LOOPBACK.catcher);
  return names;
}

async function startServers(
  cases: readonly LabCase[],
  names: ReadonlyMap<string, string>,
  received: Map<string, Buffer[]>,
): Promise<Closable[]> {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const servers: Closable[] = [await startDnsStub(LOOPBACK.dns, names, SERVFAIL)];
  for (const destination of providerDestinations())
    servers.push(await startScriptedServer(destination, byId));
  for (const c of cases)
    if (c.stage === 'CONN' || c.stage === 'HELO') servers.push(await startEarlyRefusal(c));
  servers.push(await startSilentServer(SILENT.ip), await startCatcher(CATCHER, received));
  return servers;
}

function startMta(
  mta: MtaName,
  root: string,
  names: ReadonlyMap<string, string>,
  cases: readonly LabCase[],
): void {
  prepareRoot(root, names, LOOPBACK.dns);
  const routes = new Map<string, string>([[CATCHER.domain, CATCHER.host]]);
  for (const c of cases)
    if (c.mtas.includes(mta) && c.destination.host) routes.set(c.destination.domain, c.destination.host);
  const driver = DRIVERS[mta];
  driver.stop(root);
  driver.configure(root, {
    listen: LOOPBACK.mta(MTAS.indexOf(mta)),
    hostname: `${mta}.mta-lab.example`,
    routes: [...routes].map(([domain, host]) => ({ domain, host })),
    queueLifetimeSeconds: 180,
    retrySeconds: 20,
  });
  driver.start(root);
  log(`${mta} started`);
}

async function waitForBounces(
  cases: readonly LabCase[],
  received: ReadonlyMap<string, Buffer[]>,
  roots: ReadonlyArray<{ mta: MtaName; root: string }>,
  refused: ReadonlyMap<string, string>,
): Promise<void> {
  const expected = cases.flatMap((c) =>
    c.mtas.filter((mta) => !refused.has(`${mta}/${c.id}`)).map((mta) => `s${c.id}-${mta}`),
  );
  const deadline = Date.now() + Number(option('timeout') ?? 900) * 1000;
  let lastFlush = Date.now();
  while (Date.now() < deadline) {
    const missing = expected.filter((key) => !received.has(key));
    if (missing.length === 0) return;
    if (Date.now() - lastFlush > 30_000) {
      log(
        `waiting for ${missing.length} bounces (${missing.slice(0, 6).join(', ')}${missing.length > 6 ? ', …' : ''})`,
      );
      for (const { mta, root } of roots) await DRIVERS[mta].flush(root);
      lastFlush = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  log('timed out waiting; writing what came');
}

function log(message: string): void {
  process.stdout.write(`mta-lab: ${message}\n`);
}
