// The package as a user gets it: `npm pack`, installed into an empty folder with no network, then the
// library imported and the CLI run from there; with the AWS SDK and Powertools removed, the library,
// `--help` and `diagnose` still work (they never load them), while `replay` proves the removal bites.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.ts';

const SAMPLE = join(ROOT, 'examples', 'bounces', 'lhost-postfix-04.eml');
/** Packages the library path and `diagnose` must never load. */
const AWS_PACKAGES = ['@aws-sdk', '@aws-lambda-powertools'];

interface LockEntry {
  dev?: boolean;
  link?: boolean;
  version?: string;
  [field: string]: unknown;
}

let folder = '';
let files: string[] = [];
let bin = '';

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'bd-pack-'));
  const packed = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', folder], ROOT);
  const [info] = JSON.parse(packed) as Array<{ filename: string; files: Array<{ path: string }> }>;
  if (!info) throw new Error(`npm pack printed no result: ${packed}`);
  files = info.files.map((f) => f.path);
  installOffline(folder, info.filename);
  bin = join(folder, 'node_modules', '.bin', 'bounce-doctor');
}, 120_000);

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('holds the compiled CLI, the library with its declarations and the samples; no tests, fixtures or sources', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'LICENSE',
        'dist/bounce-doctor.js',
        'dist/index.js',
        'dist/types/core/index.d.ts',
        'examples/bounces/lhost-postfix-04.eml',
      ]),
    );
    const unexpected = files.filter(
      (f) =>
        !/^(package\.json|README\.md|LICENSE|dist\/.+\.js|dist\/types\/.+\.d\.ts|examples\/bounces\/.+)$/.test(
          f,
        ),
    );
    expect(unexpected).toEqual([]);
    expect(files.filter((f) => /(^|\/)(test|fixtures?)\//.test(f))).toEqual([]);
  });

  it('runs `npm start`’s job from the installed package, on the samples it ships', () => {
    const local = run(bin, ['run-local', '--no-serve'], { cwd: folder, env: { CI: '1' } });
    expect(local.stderr).toBe('');
    expect(local.stdout).toContain('7 tickets posted, 1 mail(s) without a ticket, 0 failed.');
    expect(local.code).toBe(0);
  });

  describe('without the AWS SDK and Powertools installed', () => {
    beforeAll(() => {
      for (const name of AWS_PACKAGES) rmSync(join(folder, 'node_modules', name), { recursive: true });
    });

    it('runs the example of docs/library.md and prints what the page says it prints', () => {
      const [example, printed] = codeBlocksOf(join(ROOT, 'docs', 'library.md'), ['js', '']);
      writeFileSync(join(folder, 'example.mjs'), example ?? '');
      copyFileSync(join(ROOT, 'examples', 'bounces', 'lhost-postfix-63.eml'), join(folder, 'bounce.eml'));
      const used = run(process.execPath, ['example.mjs'], { cwd: folder });
      expect(used.stderr).toBe('');
      expect(used.code).toBe(0);
      expect(used.stdout).toBe(printed);
      expect(used.stdout).toContain('mailboxfull 5.2.2 552');
    });

    it('runs `--help` and `diagnose --json` from the installed bin', () => {
      const help = run(bin, ['--help'], { cwd: folder });
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^Usage:\n {2}bounce-doctor diagnose/);
      const diagnosed = run(bin, ['diagnose', '--json', SAMPLE], { cwd: folder });
      expect(diagnosed.stderr).toBe('');
      expect(diagnosed.code).toBe(0);
      expect(JSON.parse(diagnosed.stdout)).toMatchObject({
        file: SAMPLE,
        isBounce: true,
        recipients: [{ reason: 'userunknown' }],
        diagnosis: { category: 'recipient-unknown' },
      });
    });

    it('fails `replay`, which needs the AWS SDK: the packages are really gone', () => {
      const replay = run(bin, ['replay', '--folder', folder], { cwd: folder });
      expect(replay.code).not.toBe(0);
      expect(replay.stderr).toMatch(/Cannot find (package|module) '@aws-(sdk|lambda-powertools)\//);
    });

    it('gives TypeScript users the declarations through the exports map', () => {
      writeFileSync(
        join(folder, 'use-types.ts'),
        `import { type BounceReport, type Diagnosis, decodeBounce, diagnoseReport, type Reason } from 'bounce-doctor';
export async function firstReason(raw: Uint8Array): Promise<Reason | undefined> {
  const report: BounceReport = await decodeBounce(raw);
  const diagnosis: Diagnosis = diagnoseReport(report);
  const category: 'recipient-unknown' | 'mailbox-full' | string = diagnosis.category;
  void category;
  return report.recipients[0]?.reason;
}
// @ts-expect-error: a reason outside Sisimai's vocabulary must not type-check (fails if the types were any)
export const wrong: Reason = 'no-such-reason';
`,
      );
      writeFileSync(
        join(folder, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            module: 'nodenext',
            moduleResolution: 'nodenext',
            target: 'es2022',
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            types: ['node'],
            typeRoots: [join(ROOT, 'node_modules', '@types')],
          },
          files: ['use-types.ts'],
        }),
      );
      const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
      const checked = run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: folder });
      expect(checked.stdout + checked.stderr).toBe('');
      expect(checked.code).toBe(0);
    });
  });
});

/**
 * `npm install <tarball>` would ask the registry for each dependency's metadata, which `npm ci` does
 * not keep in the cache. So the folder gets a lock file: the tarball, and the runtime part of the
 * repository's lock (what `npm ci --omit=dev` installs); `npm ci --offline` then takes every package
 * from the npm cache that the repository's own `npm ci` filled. No network at all.
 */
function installOffline(into: string, tarball: string): void {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const own = lock.packages[''] as LockEntry;
  const integrity = `sha512-${createHash('sha512')
    .update(readFileSync(join(into, tarball)))
    .digest('base64')}`;
  const packages: Record<string, LockEntry> = {
    '': { dependencies: { 'bounce-doctor': `file:${tarball}` } },
    'node_modules/bounce-doctor': {
      version: own.version,
      resolved: `file:${tarball}`,
      integrity,
      license: own.license,
      dependencies: own.dependencies,
      bin: own.bin,
      engines: own.engines,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path && !entry.dev && !entry.link) packages[path] = entry;
  }
  writeFileSync(
    join(into, 'package.json'),
    JSON.stringify({ private: true, dependencies: { 'bounce-doctor': `file:${tarball}` } }),
  );
  writeFileSync(
    join(into, 'package-lock.json'),
    JSON.stringify({ name: 'consumer', lockfileVersion: 3, requires: true, packages }),
  );
  npm(['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], into);
}

/** The first fenced block of each language, in order: ['js', ''] is a js block, then a plain one after it. */
function codeBlocksOf(page: string, languages: readonly string[]): string[] {
  const blocks = [...readFileSync(page, 'utf8').matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)];
  let from = 0;
  return languages.map((language) => {
    const at = blocks.findIndex((block, i) => i >= from && block[1] === language);
    from = at + 1;
    return at === -1 ? '' : (blocks[at]?.[2] ?? '');
  });
}

interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Use `env` as the whole environment instead of adding it to this process's. */
  replaceEnv?: boolean;
}

function run(command: string, args: string[], options: RunOptions) {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.replaceEnv ? options.env : { ...process.env, LANG: 'C', ...options.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * npm with the calling npm's settings removed (`npm test` exports them, and some name this repository
 * as the project), except the cache: the one the repository's `npm ci` filled.
 */
function npm(args: string[], cwd: string): string {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) || /^npm_config_cache$/i.test(name)),
  );
  const result = run('npm', args, { cwd, env, replaceEnv: true });
  if (result.code !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}
