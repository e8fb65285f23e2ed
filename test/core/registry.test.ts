// One place for each kind of change: a parser file in mta/formats/ not registered, a reason without a
// rule or advice, or a provider file left out fails here, by name.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORDER, RULES } from '../../lambda/core/classify/order.ts';
import { decodeBounce } from '../../lambda/core/decode.ts';
import { REASON_ADVICE } from '../../lambda/core/diagnosis/reasons.ts';
import { readMail } from '../../lambda/core/mail/read-mail.ts';
import { activehunter } from '../../lambda/core/mta/formats/activehunter.ts';
import { biglobe } from '../../lambda/core/mta/formats/biglobe.ts';
import { deutschetelekom } from '../../lambda/core/mta/formats/deutschetelekom.ts';
import { einsundeins } from '../../lambda/core/mta/formats/einsundeins.ts';
import { mailmarshal } from '../../lambda/core/mta/formats/mailmarshal.ts';
import { mimecast } from '../../lambda/core/mta/formats/mimecast.ts';
import { verizon } from '../../lambda/core/mta/formats/verizon.ts';
import { x4 } from '../../lambda/core/mta/formats/x4.ts';
import { x5 } from '../../lambda/core/mta/formats/x5.ts';
import type { BounceParser } from '../../lambda/core/mta/parser.ts';
import { PARSERS } from '../../lambda/core/mta/registry.ts';
import { REASONS } from '../../lambda/core/types.ts';
import { contributingBlocks, holds } from '../helpers/contributing.ts';
import { FIXTURES } from '../helpers/corpus.ts';

const CORE = join(import.meta.dirname, '..', '..', 'lambda', 'core');
const tsFiles = (dir: string) => readdirSync(join(CORE, dir)).filter((f) => f.endsWith('.ts'));

function parsersIn(module: Record<string, unknown>): BounceParser[] {
  return Object.values(module).filter((value): value is BounceParser => {
    const v = value as Partial<BounceParser> | null;
    return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.parse === 'function';
  });
}

describe('the parser registry', () => {
  const formatFiles = tsFiles('mta/formats');

  it.each(formatFiles)(
    'mta/formats/%s holds one parser, named by the file, and it is registered',
    async (file) => {
      const parsers = parsersIn(await import(join(CORE, 'mta', 'formats', file)));
      expect(parsers.map((p) => p.id)).toEqual([basename(file, '.ts')]);
      expect(PARSERS).toContain(parsers[0]);
    },
  );

  it('registers the parsers of mta/formats/ and nothing else', () => {
    expect(PARSERS.map((p) => `${p.id}.ts`).sort()).toEqual([...formatFiles].sort());
  });

  it('has unique ids', () => {
    const ids = PARSERS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('tries the generic parsers after every format-specific one, and auto-replies last', () => {
    const ids = PARSERS.map((p) => p.id);
    expect(ids.slice(-3)).toEqual(['rfc3464', 'plaintext', 'rfc3834']);
  });
});

describe('the format guards', () => {
  const dev = (file: string) => readFileSync(join(FIXTURES, 'sisimai', file));

  // The formats without a mail in the DEV corpus (their mails are in fixtures/synthetic/) leave the
  // DEV corpus's mails of other engines alone, some of them close cousins.
  const UNSEEN: BounceParser[] = [
    activehunter,
    biglobe,
    deutschetelekom,
    einsundeins,
    mailmarshal,
    mimecast,
    verizon,
    x4,
    x5,
  ];
  const OTHERS = [
    'lhost-exim-01.eml',
    'lhost-gmx-01.eml',
    'lhost-postfix-01.eml',
    'lhost-qmail-01.eml',
    'lhost-sendmail-01.eml',
    'lhost-x2-06.eml',
    'lhost-mfilter-02.eml',
    'rfc3464-37.eml',
    'rfc3834-06.eml',
    'rhost-franceptt-04.eml',
    'rhost-mimecast-01.eml',
  ];
  /** Mails that a parser could read too, but that an earlier parser in the registry reads first. */
  const READ_EARLIER: Record<string, string[]> = { x4: ['lhost-x2-06.eml'] };

  describe.each(UNSEEN.map((p) => [p.id, p] as const))('%s', (id, parser) => {
    const others = OTHERS.filter((file) => !READ_EARLIER[id]?.includes(file));
    it.each(others)('does not claim %s', (file) => {
      expect(parser.parse(readMail(dev(file)))).toBeNull();
    });
  });

  // The classic and text-only formats leave the mails of the engines they resemble to those engines' parsers.
  const CLASSIC = [
    'qmail',
    'dragonfly',
    'v5sendmail',
    'x1',
    'x2',
    'x3',
    'x6',
    'fml',
    'mailfoundry',
    'imailserver',
    'mxlogic',
    'mfilter',
    'notes',
    'domino',
    'courier',
    'surfcontrol',
    'trendmicro',
    'amavis',
    'barracuda',
    'ezweb',
    'kddi',
  ];
  it.each([
    'lhost-postfix-01.eml',
    'lhost-exim-01.eml',
    'lhost-yahoo-01.eml',
    'lhost-mcafee-01.eml',
    'rhost-kddi-02.eml',
  ])('the classic text formats leave %s to other parsers', async (file) => {
    const report = await decodeBounce(dev(file));
    expect(report.decodedBy).not.toBe('');
    expect(CLASSIC).not.toContain(report.decodedBy);
  });
});

describe('the registry order of the formats that share wording with others', () => {
  const ids = PARSERS.map((p) => p.id);
  const triesFirst = (a: string, b: string) => expect(ids.indexOf(a)).toBeLessThan(ids.indexOf(b));

  it('tries the qmail clones (X4) after qmail, m-FILTER, X2 and Yahoo (a qmail descendant)', () => {
    for (const earlier of ['qmail', 'mfilter', 'x2', 'yahoo']) triesFirst(earlier, 'x4');
  });

  it('tries 1&1 before Exim, whose notice it rewords', () => triesFirst('einsundeins', 'exim'));
});

describe('the reasons', () => {
  const ruleFiles = tsFiles('classify/rules')
    .map((f) => basename(f, '.ts'))
    .filter((f) => f !== 'index');

  it.each(REASONS)('%s has a rule file, one place in the order and ja/en advice', (reason) => {
    expect(ruleFiles).toContain(reason);
    expect(RULES[reason].reason).toBe(reason);
    expect(ORDER.filter((r) => r === reason)).toHaveLength(1);
    const advice = REASON_ADVICE[reason];
    for (const text of [advice.summary, advice.remedy]) {
      expect(text.ja.length).toBeGreaterThan(5);
      expect(text.en.length).toBeGreaterThan(5);
    }
  });

  it('has no rule file for a reason outside the typed union', () => {
    expect(ruleFiles.filter((f) => !(REASONS as readonly string[]).includes(f))).toEqual([]);
  });

  it('gives each status code to one reason only', () => {
    const owners = new Map<string, string[]>();
    for (const rule of Object.values(RULES)) {
      for (const status of rule.statuses ?? [])
        owners.set(status, [...(owners.get(status) ?? []), rule.reason]);
    }
    expect([...owners].filter(([, reasons]) => reasons.length > 1)).toEqual([]);
  });

  it('names the sources of every rule', () => {
    const unsourced = Object.values(RULES).filter((rule) => rule.sources.length === 0);
    expect(unsourced.map((rule) => rule.reason)).toEqual([]);
  });
});

describe("CONTRIBUTING.md's examples", () => {
  it.each([
    [
      'Adding a bounce format',
      [
        'lambda/core/mta/formats/activehunter.ts',
        'lambda/core/mta/registry.ts',
        'lambda/core/mta/registry.ts',
        'test/decoder/expectations.ts',
      ],
    ],
    [
      'Adding a reason',
      [
        'lambda/core/types.ts',
        'lambda/core/classify/rules/suppressed.ts',
        'lambda/core/classify/order.ts',
        'lambda/core/diagnosis/reasons.ts',
      ],
    ],
  ])('"%s" shows its pieces as the sources hold them', (heading, sources) => {
    const blocks = contributingBlocks(heading);
    expect(blocks).toHaveLength(sources.length);
    sources.forEach((source, i) => {
      expect(holds(source, blocks[i]), `${source}:\n${blocks[i]}`).toBe(true);
    });
  });
});
