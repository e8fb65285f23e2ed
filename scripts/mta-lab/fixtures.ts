// Writes the bounces the lab collected as fixtures: <out>/<mta>/<case>.eml, and expectations.json with
// each bounce's reply, its source and the reason, status and recipient a careful reader would give.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LabCase, labCases, type MtaName, senderOf } from './cases.ts';
import { expectedOf } from './expectations.ts';
import { withLabAddresses } from './replies.ts';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'mta-lab');

export interface LabExpectation {
  file: string;
  mta: MtaName;
  case: string;
  /** The reply the scripted server gave, and at which stage; or the lab's fault. */
  reply?: string;
  stage: string;
  fault?: string;
  source: string;
  line?: number;
  tableReason?: string;
  reason: string;
  status: string;
  recipient: string;
}

export function writeFixtures(
  cases: readonly LabCase[],
  received: ReadonlyMap<string, Buffer[]>,
  out = FIXTURES,
  mtas: readonly MtaName[] = [],
): void {
  for (const mta of mtas) {
    rmSync(join(out, mta), { recursive: true, force: true });
    mkdirSync(join(out, mta), { recursive: true });
  }
  const expectations = readExisting(out).filter((e) => !mtas.includes(e.mta));
  const missing: string[] = [];
  for (const c of cases) {
    for (const mta of c.mtas) {
      const bounces = received.get(`s${c.id}-${mta}`);
      const last = bounces?.[bounces.length - 1];
      if (!last) {
        missing.push(`${mta}/${c.id}`);
        continue;
      }
      const file = `${mta}/${c.id}.eml`;
      writeFileSync(join(out, file), last);
      expectations.push(expectationOf(c, mta, file, last));
    }
  }
  expectations.sort((a, b) => a.file.localeCompare(b.file));
  writeFileSync(join(out, 'expectations.json'), `${JSON.stringify(expectations, null, 1)}\n`);
  process.stdout.write(
    `mta-lab: ${expectations.length} bounces in ${out}; no bounce for ${missing.length}\n`,
  );
  if (missing.length > 0) process.stdout.write(`mta-lab: missing ${missing.join(' ')}\n`);
}

/** Rewrites expectations.json from the bounces already in `out` (after a change of the rules or the cases). */
export function refreshExpectations(out = FIXTURES, sampleNumber = 1): void {
  const byId = new Map(labCases(sampleNumber).map((c) => [c.id, c]));
  const expectations = readExisting(out).flatMap((e) => {
    const c = byId.get(e.case);
    return c ? [expectationOf(c, e.mta, e.file, readFileSync(join(out, e.file)))] : [];
  });
  writeFileSync(join(out, 'expectations.json'), `${JSON.stringify(expectations, null, 1)}\n`);
  process.stdout.write(`mta-lab: ${expectations.length} expectations rewritten in ${out}\n`);
}

function readExisting(out: string): LabExpectation[] {
  try {
    if (!readdirSync(out).includes('expectations.json')) return [];
    return JSON.parse(readFileSync(join(out, 'expectations.json'), 'utf8')) as LabExpectation[];
  } catch {
    return [];
  }
}

function expectationOf(c: LabCase, mta: MtaName, file: string, bounce: Buffer): LabExpectation {
  const sender = senderOf(c.id, mta);
  const expected = expectedOf(c, mta, bounce.toString('latin1'));
  return {
    file,
    mta,
    case: c.id,
    ...(c.reply ? { reply: withLabAddresses(c.reply.text, c.stage, sender, c.recipient) } : {}),
    stage: c.stage,
    ...(c.fault ? { fault: c.fault } : {}),
    source: c.reply ? c.reply.source : 'mta-lab',
    ...(c.reply ? { line: c.reply.line, tableReason: c.reply.reason } : {}),
    reason: expected.reason,
    status: expected.status,
    recipient: c.recipient,
  };
}
