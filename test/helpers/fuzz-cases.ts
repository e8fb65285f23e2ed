// The fuzz tests' cases: a corpus mail and one to three mutations (fast-check arbitraries), and the
// pure path the bounce handler takes with a mail, run on each: decode, check the report, diagnose,
// draft the ticket, serialise both ticket formats, name the stored original.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TICKET_SYSTEMS } from '../../lambda/adapters/tickets/systems/index.ts';
import { decodeBounce, decodeMailbox } from '../../lambda/core/decode.ts';
import { diagnoseReport } from '../../lambda/core/diagnosis/diagnose.ts';
import { emlContentDisposition } from '../../lambda/core/links/content-disposition.ts';
import { completeVerdicts } from '../../lambda/core/ses/verdicts.ts';
import { buildTicketDraft } from '../../lambda/core/ticketing/ticket-draft.ts';
import { judgeTrust, returnPathsFromHeaders } from '../../lambda/core/trust/trust.ts';
import { FIXTURES } from './corpus.ts';
import { applyMutations, CHARSETS, FILLERS, type Mutation, RUN_UNITS } from './mail-mutations.ts';
import { reportProblems } from './report-shape.ts';

/** The stated bound: each mail (at most ~200 KB after mutation) decodes and drafts within this. */
export const DECODE_BOUND_MS = 1_000;

export interface FuzzMail {
  name: string;
  bytes: Buffer;
}

/** Every mail of the Sisimai corpus (BSD licence beside it) and the not-bounce set. */
export function fuzzCorpus(): FuzzMail[] {
  return (['sisimai', 'not-bounce'] as const).flatMap((set) =>
    readdirSync(join(FIXTURES, set))
      .filter((f) => f.endsWith('.eml'))
      .sort()
      .map((f) => ({ name: `${set}/${f}`, bytes: readFileSync(join(FIXTURES, set, f)) })),
  );
}

export interface FuzzCase {
  mail: number;
  mutations: Mutation[];
}

const at = fc.nat({ max: 1_000_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('truncate-at-boundary'), at }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('truncate'), permille: fc.nat({ max: 1000 }) }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('flip-bytes'),
      flips: fc.array(fc.record({ at, xor: fc.integer({ min: 1, max: 255 }) }), {
        minLength: 1,
        maxLength: 64,
      }),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('drop-boundary'), at }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('double-boundary'), at }), weight: 2 },
  {
    arbitrary: fc.record({ kind: fc.constant('charset'), at, charset: fc.nat({ max: CHARSETS.length - 1 }) }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('break-encoding'),
      at,
      encoding: fc.constantFrom('base64', 'quoted-printable'),
      noise: fc.nat({ max: 10_000 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('long-header'),
      at,
      where: fc.constantFrom('top', 'part', 'subject', 'folded'),
      filler: fc.nat({ max: FILLERS.length - 1 }),
      kb: fc.oneof(fc.constant(100), fc.integer({ min: 1, max: 128 })),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('nest'),
      depth: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constantFrom(64, 200, 1000)),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('nul'), at, count: fc.integer({ min: 1, max: 4096 }) }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('run'),
      at,
      unit: fc.nat({ max: RUN_UNITS.length - 1 }),
      count: fc.integer({ min: 1, max: 16_384 }),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('encoded-word'),
      charset: fc.nat({ max: CHARSETS.length - 1 }),
      payload: fc.nat({ max: 11 }),
    }),
    weight: 1,
  },
);

export function fuzzCaseArbitrary(corpusSize: number): fc.Arbitrary<FuzzCase> {
  return fc.record({
    mail: fc.nat({ max: corpusSize - 1 }),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
  });
}

export function mutatedMail(corpus: readonly FuzzMail[], c: FuzzCase): Buffer {
  const base = corpus[c.mail % corpus.length];
  return applyMutations(base?.bytes ?? Buffer.alloc(0), c.mutations);
}

const VERP_KEY = 'fuzz-verp-key-0123456789-0123456789-0123';

/**
 * The handler's pure path on one mail (and the CLI's mbox reading); answers what was wrong (empty: all
 * well). Throws what it throws.
 */
export async function pureHandlerPath(raw: Buffer): Promise<string[]> {
  const report = await decodeBounce(raw);
  const problems = reportProblems(report);
  for (const each of await decodeMailbox(raw))
    problems.push(...reportProblems(each).map((p) => `mbox: ${p}`));
  const verdicts = completeVerdicts({}, raw);
  const trust = judgeTrust(
    { messageIdDomains: ['example.jp'], dkimDomains: ['example.jp'], verpKeySecretId: 'verp-key' },
    { report, returnPaths: returnPathsFromHeaders(raw), now: new Date(), verpKey: VERP_KEY },
  );
  const diagnosis = diagnoseReport(report);
  const draft = buildTicketDraft({
    sesMessageId: 'fuzz0001',
    report,
    diagnosis,
    verdicts,
    links: { rawBounce: 'https://viewer.example/r/t', expiresAt: '2030-01-01T00:00:00.000Z' },
    trust,
  });
  JSON.stringify(TICKET_SYSTEMS.generic.payload(draft));
  JSON.stringify(TICKET_SYSTEMS.zendesk.payload(draft));
  if (report.original) emlContentDisposition(report.original.subject);
  if (!draft.title) problems.push('the ticket has no title');
  return problems;
}
