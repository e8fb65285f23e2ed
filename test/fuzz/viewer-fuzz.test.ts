// Fuzzing the viewer's rendering (issue 13, finding 4), as the decoder is fuzzed: HTML mails built from
// hostile pieces and amplifiers (test/helpers/html-fuzz.ts), and mutated corpus mails, go through the
// pure renderer the viewer handler calls. Promises: nothing throws, the page fits a Function URL
// answer, nothing unsafe survives in the sanitised HTML, and every page is done within 1 s (a budget
// or a cap turns anything heavier into "download the .eml"). VIEWER_FUZZ_RUNS (default 300) and
// FUZZ_SEED (default: a new one, printed) change a run; FUZZ_SEED with FUZZ_PATH replays one case.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PAGE_BYTES, renderPreview } from '../../lambda/core/viewer/render.ts';
import { DECODE_BOUND_MS, fuzzCaseArbitrary, fuzzCorpus, mutatedMail } from '../helpers/fuzz-cases.ts';
import { type HtmlMailCase, htmlMail, htmlMailCase, unsafeMarkup } from '../helpers/html-fuzz.ts';
import { dsnAround } from '../helpers/viewer-mails.ts';

const RUNS = Number(process.env.VIEWER_FUZZ_RUNS ?? 300);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
/** With FUZZ_SEED, replays one case (as a failure names it). */
const PATH = process.env.FUZZ_PATH;
const options = { numRuns: RUNS, seed: SEED, endOnFailure: true, ...(PATH ? { path: PATH } : {}) };
const clock = () => performance.now();

interface Rendered {
  ms: number;
  problems: string[];
}

async function render(mail: Buffer, withBounce: boolean): Promise<Rendered> {
  const started = performance.now();
  const page = await renderPreview(
    {
      kind: 'original',
      mail,
      rawBounce: withBounce ? dsnAround(mail) : undefined,
      downloadPath: '/o/T/download',
      expiresAt: 1_900_000_000,
    },
    clock,
  );
  const ms = performance.now() - started;
  const problems: string[] = [];
  if (Buffer.byteLength(page.body) > MAX_PAGE_BYTES)
    problems.push(`a page of ${page.body.length} characters`);
  const srcdoc = /srcdoc="([^"]*)"/.exec(page.body)?.[1];
  if (srcdoc !== undefined) {
    const document = srcdoc
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    // The frame's own head (charset, base style) is ours; the body is the sanitised mail.
    problems.push(...unsafeMarkup(document.slice(document.indexOf('<body>'))));
  }
  if (ms > DECODE_BOUND_MS) problems.push(`took ${ms.toFixed(0)} ms`);
  return { ms, problems };
}

/** The failure, without the case itself (one can be megabytes): FUZZ_SEED and the path replay it. */
function failure(result: { errorInstance: unknown; counterexamplePath: string | null }): Error {
  const error = String(result.errorInstance).slice(0, 500);
  return new Error(`${error}\nreplay: FUZZ_SEED=${SEED}, path ${result.counterexamplePath}`);
}

/** A case in a few hundred characters: long strings shown by their length. */
function caseOutline(c: HtmlMailCase): string {
  const text = JSON.stringify(c, (_key, value: unknown) =>
    typeof value === 'string' && value.length > 40
      ? `<${value.length} chars: ${value.slice(0, 20)}…>`
      : value,
  );
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

function summary(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return `${sorted.length} pages: p50 ${q(0.5).toFixed(1)} ms, p99 ${q(0.99).toFixed(0)} ms, max ${q(1).toFixed(0)} ms`;
}

describe("fuzz: the viewer's rendering", () => {
  it(`${RUNS} hostile HTML mails: no throw, no unsafe markup, a page that fits, each within ${DECODE_BOUND_MS} ms`, async () => {
    const times: number[] = [];
    let slowest = { ms: 0, what: '' };
    const property = fc.asyncProperty(htmlMailCase, fc.boolean(), async (c, withBounce) => {
      const { ms, problems } = await render(htmlMail(c), withBounce);
      times.push(ms);
      if (ms > slowest.ms) slowest = { ms, what: caseOutline(c) };
      if (problems.length > 0) throw new Error(problems.join('; '));
    });
    const result = await fc.check(property, options);
    console.log(`viewer fuzz, hostile HTML (seed ${SEED}): ${summary(times)}; slowest: ${slowest.what}`);
    if (result.failed) throw failure(result);
    expect(result.failed).toBe(false);
  }, 300_000);

  it(`${RUNS} mutated corpus mails shown as originals: the same promises`, async () => {
    const corpus = fuzzCorpus();
    const times: number[] = [];
    const property = fc.asyncProperty(fuzzCaseArbitrary(corpus.length), async (c) => {
      const { ms, problems } = await render(mutatedMail(corpus, c), false);
      times.push(ms);
      if (problems.length > 0) throw new Error(problems.join('; '));
    });
    const result = await fc.check(property, options);
    console.log(`viewer fuzz, mutated corpus (seed ${SEED}): ${summary(times)}`);
    if (result.failed) throw failure(result);
    expect(result.failed).toBe(false);
  }, 300_000);
});
