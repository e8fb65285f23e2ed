// The bounce Lambda's limits, each measured in a fresh process: the largest mail SES delivers (40 MiB)
// decodes within 512 MB, and the handler bundled as CDK's NodejsFunction does it loads and exports its
// handler. Sizes and times are printed; `npm run limits` measures them over more runs (docs/benchmarks.md).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleBounceHandler, ROOT } from '../../scripts/limits/bundle.ts';
import { measureColdStart } from '../../scripts/limits/cold-start.ts';
import { measureFortyMegabytes } from '../../scripts/limits/decode-limit.ts';

const MEMORY_BOUND_MB = 512;

describe('limits', () => {
  it(`a 40 MB bounce decodes in a fresh process with a peak RSS under ${MEMORY_BOUND_MB} MB`, () => {
    const folder = mkdtempSync(join(tmpdir(), 'bd-limits-'));
    const result = measureFortyMegabytes(folder);
    rmSync(folder, { recursive: true, force: true });
    console.log(`40 MB decode: ${JSON.stringify(result)}`);
    expect(result.bytes).toBeGreaterThan(40 * 1024 * 1024 - 100);
    expect(result.bytes).toBeLessThanOrEqual(40 * 1024 * 1024);
    expect(result).toMatchObject({ kind: 'bounce', recipients: 1 });
    expect(result.originalBytes).toBeGreaterThan(39 * 1024 * 1024);
    expect(result.peakRssMb).toBeLessThan(MEMORY_BOUND_MB);
  }, 60_000);

  it('the bundled handler (esbuild, node24, minified, @aws-sdk external) loads in a fresh process', async () => {
    // Inside the repository, so that the external @aws-sdk packages resolve from node_modules.
    const outdir = join(ROOT, '.limits', `test-${process.pid}`);
    const bundle = await bundleBounceHandler('cjs', outdir);
    const cold = (() => {
      try {
        return measureColdStart(bundle.file, 1);
      } finally {
        rmSync(outdir, { recursive: true, force: true });
      }
    })();
    console.log(
      `bundle: ${bundle.bytes} bytes (${bundle.zippedBytes} zipped); import ${cold.importMs.median.toFixed(0)} ms`,
    );
    expect(bundle.bytes).toBeGreaterThan(0);
    expect(cold.runs).toBe(1);
  }, 60_000);
});
