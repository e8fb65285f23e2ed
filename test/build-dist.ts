// Vitest global setup: compiles dist/ once before any test runs, so CLI tests never run stale code.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export default function buildDist(): void {
  const root = join(import.meta.dirname, '..');
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'build.ts')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`npm run build failed:\n${run.stdout}${run.stderr}`);
}
