// The bounce Lambda's bundle, made the way CDK's NodejsFunction makes it: esbuild, platform node,
// target node24, minified, `@aws-sdk/*` left out (the Lambda runtime provides it). CJS is NodejsFunction's
// default; ESM needs the usual `createRequire` banner for the CommonJS packages inside.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { build } from 'esbuild';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BOUNCE_ENTRY = join(ROOT, 'lambda', 'handlers', 'bounce.ts');

export interface HandlerBundle {
  format: 'cjs' | 'esm';
  file: string;
  bytes: number;
  /** Deflated, as in the deployment zip. */
  zippedBytes: number;
  /** The largest packages or folders inside, with their bytes in the output. */
  largest: { name: string; bytes: number }[];
}

const ESM_BANNER =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

export async function bundleBounceHandler(format: 'cjs' | 'esm', outdir: string): Promise<HandlerBundle> {
  mkdirSync(outdir, { recursive: true });
  const file = join(outdir, format === 'esm' ? 'bounce.mjs' : 'bounce.cjs');
  const result = await build({
    entryPoints: [BOUNCE_ENTRY],
    bundle: true,
    platform: 'node',
    target: 'node24',
    format,
    minify: true,
    external: ['@aws-sdk/*'],
    outfile: file,
    metafile: true,
    logLevel: 'error',
    ...(format === 'esm' ? { banner: { js: ESM_BANNER } } : {}),
  });
  const output = Object.values(result.metafile.outputs)[0];
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const name = packageOf(input);
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
  }
  const code = readFileSync(file);
  return {
    format,
    file: relative(ROOT, file),
    bytes: code.length,
    zippedBytes: deflateRawSync(code, { level: 9 }).length,
    largest: [...byPackage]
      .map(([name, bytes]) => ({ name, bytes }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 8),
  };
}

function packageOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (match?.[1]) return match[1];
  return input.split('/').slice(0, 2).join('/');
}
