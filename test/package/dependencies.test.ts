// package.json's dependencies are exactly what the compiled package imports at run time (and the peers
// those packages require); what only builds, tests or deploys stays a devDependency.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleOptions } from '../../scripts/build-options.ts';
import { ROOT } from '../helpers/cli.ts';

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const manifest = readManifest(join(ROOT, 'package.json'));
const dependencies = Object.keys(manifest.dependencies ?? {});
/** Tools that only build, test or deploy: never needed by someone who installs the package. */
const BUILD_AND_DEPLOY_TOOLS = [
  'aws-cdk',
  'aws-cdk-lib',
  'constructs',
  'cdk-nag',
  'esbuild',
  'tsx',
  'typescript',
];

let metafile: Metafile;

beforeAll(async () => {
  const result = await build({ ...bundleOptions(ROOT), write: false, metafile: true, logLevel: 'silent' });
  metafile = result.metafile;
});

/** The packages the given outputs import (`@scope/name` or `name`), node: built-ins left out. */
function packagesImported(outputs: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const output of outputs) {
    for (const imported of metafile.outputs[output]?.imports ?? []) {
      if (!imported.external || imported.path.startsWith('node:')) continue;
      const parts = imported.path.split('/');
      names.add(imported.path.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? ''));
    }
  }
  return names;
}

/** An output and every chunk it imports statically: what loads before its first line runs. */
function staticClosure(output: string): string[] {
  const seen = new Set<string>();
  const pending = [output];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    for (const imported of metafile.outputs[next]?.imports ?? []) {
      if (!imported.external && imported.kind === 'import-statement') pending.push(imported.path);
    }
  }
  return [...seen];
}

describe('package.json dependencies', () => {
  it('list every package the compiled CLI and library import', () => {
    const imported = packagesImported(Object.keys(metafile.outputs));
    expect([...imported].filter((name) => !dependencies.includes(name))).toEqual([]);
  });

  it('list nothing the compiled code does not import, except peers that an imported package requires', () => {
    const imported = packagesImported(Object.keys(metafile.outputs));
    const peers = new Set(
      [...imported].flatMap((name) =>
        Object.keys(readManifest(join(ROOT, 'node_modules', name, 'package.json')).peerDependencies ?? {}),
      ),
    );
    expect(dependencies.filter((name) => !imported.has(name) && !peers.has(name))).toEqual([]);
  });

  it('hold no build, test or deploy tool', () => {
    expect(dependencies.filter((name) => BUILD_AND_DEPLOY_TOOLS.includes(name))).toEqual([]);
  });
});

describe('what loads before the first line runs', () => {
  it('is, for the library, the CLI (--help) and `diagnose`, mail decoding only: no AWS SDK, Powertools or nodemailer', () => {
    const diagnose = Object.keys(metafile.outputs).find(
      (output) => metafile.outputs[output]?.entryPoint === 'bin/cli/diagnose.ts',
    );
    expect(diagnose).toBeDefined();
    for (const entry of ['dist/index.js', 'dist/bounce-doctor.js', diagnose ?? '']) {
      const imported = [...packagesImported(staticClosure(entry))];
      expect(imported.filter((name) => /^@aws-|^@smithy\/|^nodemailer$/.test(name))).toEqual([]);
    }
  });
});

function readManifest(path: string): Manifest {
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}
