// The bounce Lambda's limits, each measured in a fresh process: the largest mail SES delivers (40 MiB)
// decodes within 512 MB, and the handler bundled as CDK's NodejsFunction does it loads and exports its
// handler within the bounds docs/benchmarks.md tracks. Sizes and times are printed; `npm run limits`
// measures them over more runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleBounceHandler, ROOT } from '../../scripts/limits/bundle.ts';
import { measureColdStart } from '../../scripts/limits/cold-start.ts';
import { measureFortyMegabytes } from '../../scripts/limits/decode-limit.ts';

const MEMORY_BOUND_MB = 512;
/** The bundle measured 1,121 KB (393 KB zipped): a third of headroom, then a new dependency must say why. */
const BUNDLE_BOUND_BYTES = 1_500 * 1024;
const ZIPPED_BOUND_BYTES = 525 * 1024;
/**
 * The import measured 232-401 ms (median of 10), nearly all of it the AWS SDK. Generous for a loaded
 * machine, and far below Lambda's 10 s init phase: an eager import of something heavy still trips it.
 */
const COLD_START_BOUND_MS = 3_000;
const COLD_START_RUNS = 3;

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

  it(`the bundled handler (esbuild, node24, minified, @aws-sdk external) stays under ${BUNDLE_BOUND_BYTES / 1024} KB and loads in a fresh process within ${COLD_START_BOUND_MS} ms`, async () => {
    // Inside the repository, so that the external @aws-sdk packages resolve from node_modules.
    const outdir = join(ROOT, '.limits', `test-${process.pid}`);
    const bundle = await bundleBounceHandler('cjs', outdir);
    const cold = (() => {
      try {
        return measureColdStart(bundle.file, COLD_START_RUNS);
      } finally {
        rmSync(outdir, { recursive: true, force: true });
      }
    })();
    console.log(
      `bundle: ${bundle.bytes} bytes (${bundle.zippedBytes} zipped); import ${cold.importMs.median.toFixed(0)} ms`,
    );
    expect(bundle.bytes).toBeGreaterThan(100 * 1024);
    expect(bundle.bytes).toBeLessThan(BUNDLE_BOUND_BYTES);
    expect(bundle.zippedBytes).toBeLessThan(ZIPPED_BOUND_BYTES);
    expect(cold.runs).toBe(COLD_START_RUNS);
    expect(cold.importMs.median).toBeLessThan(COLD_START_BOUND_MS);
  }, 60_000);
});
