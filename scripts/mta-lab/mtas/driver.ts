// What the lab needs of each MTA: its configuration for the lab's routes, and how to start, poke and
// stop it inside its root (a Debian chroot built by setup-roots.sh).
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { MtaName } from '../cases.ts';

/** A recipient domain and the host name its mail is routed to, without DNS (a static route). */
export interface Route {
  domain: string;
  host: string;
}

export interface MtaSettings {
  /** The loopback address the MTA listens on (port 25). */
  listen: string;
  /** The MTA's host name (its greeting, its bounces' Reporting-MTA). */
  hostname: string;
  routes: readonly Route[];
  /** How long a message may stay queued before the MTA gives up: short, so give-up bounces come in minutes. */
  queueLifetimeSeconds: number;
  /** The first retry and the interval after it. */
  retrySeconds: number;
}

export interface MtaDriver {
  readonly name: MtaName;
  /** Writes the MTA's configuration and empties the queue a previous run may have left. */
  configure(root: string, settings: MtaSettings): void;
  start(root: string): void;
  /**
   * Asks the MTA to run its queue now (the lab calls it now and then while it waits). Asynchronous:
   * the lab's servers and resolver run in the same process and must keep answering meanwhile.
   */
  flush(root: string): Promise<void>;
  stop(root: string): void;
}

export function inRoot(root: string, command: string, ...args: string[]): string {
  return execFileSync('chroot', [root, command, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Starts a daemon in the root. Its output is not read, since a daemon's children keep the pipes open
 * (a failed start still fails by its exit status). A shell stands between: the lab is its PID
 * namespace's first process, and Exim does not detach when its parent is process 1 (init).
 */
export function startInRoot(root: string, command: string, ...args: string[]): void {
  execFileSync('chroot', [root, 'sh', '-c', '"$0" "$@"; exit $?', command, ...args], { stdio: 'ignore' });
}

/** Runs a command in the root without blocking the lab's servers; its failure is ignored. */
export function runInRoot(root: string, command: string, ...args: string[]): Promise<void> {
  return new Promise((resolve) => execFile('chroot', [root, command, ...args], () => resolve()));
}

/** Runs a command in the root and ignores its failure (stopping what may not run). */
export function tryInRoot(root: string, command: string, ...args: string[]): void {
  try {
    inRoot(root, command, ...args);
  } catch {
    // already stopped, or never started
  }
}

export function writeIn(root: string, path: string, text: string): void {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Removes what a folder of the root holds (a queue), keeping the folder, its owner and its mode. */
export function emptyIn(root: string, ...paths: string[]): void {
  for (const path of paths) {
    const dir = join(root, path);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir)) rmSync(join(dir, entry), { recursive: true, force: true });
  }
}

/** Sends SIGTERM to the process whose id a pid file in the root holds. */
export function killByPidFile(root: string, path: string): void {
  try {
    const pid = Number.parseInt(readFileSync(join(root, path), 'utf8'), 10);
    if (pid > 1) process.kill(pid, 'SIGTERM');
  } catch {
    // no pid file: not running
  }
}
