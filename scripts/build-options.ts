// How the package is bundled: shared by `npm run build` and the test that checks the dependencies.
import type { BuildOptions } from 'esbuild';

/** The compiled entry points: the command line and the library (`import … from 'bounce-doctor'`). */
export const ENTRY_POINTS = {
  'bounce-doctor': 'bin/bounce-doctor.ts',
  index: 'lambda/core/index.ts',
} as const;

/**
 * ESM for Node 20, one file per entry; code shared between entries, and each subcommand that the CLI
 * imports when it runs, become chunks of their own. Packages stay imports (they are the package's
 * dependencies, installed beside it), and the output stays readable: no minifying.
 */
export function bundleOptions(root: string): BuildOptions {
  return {
    absWorkingDir: root,
    entryPoints: ENTRY_POINTS,
    outdir: 'dist',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    legalComments: 'none',
    logLevel: 'warning',
  };
}
