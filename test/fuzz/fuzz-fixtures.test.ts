// The mails the fuzzer kept (test/fixtures/fuzz/: the shrunk failing cases it writes there, and the
// slowest cases of long runs): each goes through the handler's pure path again, as a regression test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/corpus.ts';
import { DECODE_BOUND_MS, pureHandlerPath } from '../helpers/fuzz-cases.ts';

const FOLDER = join(FIXTURES, 'fuzz');
const kept = readdirSync(FOLDER)
  .filter((f) => f.endsWith('.eml'))
  .sort();

describe('mails kept by the fuzzer', () => {
  it('there are some (the folder is where failures go)', () => {
    expect(kept.length).toBeGreaterThan(0);
  });

  it.each(kept)('%s: no throw, a valid report, within the bound', async (file) => {
    const raw = readFileSync(join(FOLDER, file));
    const started = performance.now();
    expect(await pureHandlerPath(raw)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(DECODE_BOUND_MS);
  });
});
