// `npm run build` (also run by `prepare`, so `npm ci` leaves a working CLI): compiles the CLI and the
// library to dist/ with esbuild, then the library's type declarations with tsc (tsconfig.build.json).
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { bundleOptions } from './build-options.ts';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const types = join(dist, 'types');
/** A relative `.ts` module specifier in a declaration: `from './types.ts'` or `import("./types.ts")`. */
const RELATIVE_TS_SPECIFIER = /(?<=\bfrom |\bimport\()(['"])(\.{1,2}\/[^'"]+)\.ts\1/g;

const started = performance.now();
rmSync(dist, { recursive: true, force: true });
await build(bundleOptions(root));
chmodSync(join(dist, 'bounce-doctor.js'), 0o755);
emitDeclarations();
const kept = keepPublicDeclarations(join(types, 'core', 'index.d.ts'));
console.log(
  `dist/ built in ${((performance.now() - started) / 1000).toFixed(1)} s (${kept} declaration files)`,
);

function emitDeclarations(): void {
  const typescript = dirname(createRequire(import.meta.url).resolve('typescript/package.json'));
  const tsc = join(typescript, 'bin', 'tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    throw new Error('tsc could not emit the declarations');
  }
}

/**
 * tsc declares every module the library's code reaches; only those the public entry's types reach
 * are kept. Their `.ts` import specifiers become `.js`, which every TypeScript version resolves to
 * the `.d.ts` beside it (tsc keeps `.ts` in declarations even with rewriteRelativeImportExtensions).
 */
function keepPublicDeclarations(entry: string): number {
  const reached = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (reached.has(file)) continue;
    reached.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, , specifier] of text.matchAll(RELATIVE_TS_SPECIFIER)) {
      pending.push(join(dirname(file), `${specifier}.d.ts`));
    }
    writeFileSync(file, text.replace(RELATIVE_TS_SPECIFIER, '$1$2.js$1'));
  }
  for (const file of allFiles(types)) {
    if (!reached.has(file)) rmSync(file);
  }
  removeEmptyFolders(types);
  return reached.size;
}

function allFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? allFiles(path) : [path];
  });
}

function removeEmptyFolders(folder: string): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) removeEmptyFolders(join(folder, entry.name));
  }
  if (folder !== types && readdirSync(folder).length === 0) {
    rmSync(folder, { recursive: true });
  }
}
