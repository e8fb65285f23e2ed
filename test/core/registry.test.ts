// One place for each kind of change: a parser file in mta/formats/ not registered, a reason without a
// rule or advice, or a provider file left out fails here, by name.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORDER } from '../../lambda/core/classify/order.ts';
import { RULES } from '../../lambda/core/classify/rules/index.ts';
import { REASON_ADVICE } from '../../lambda/core/diagnosis/reasons.ts';
import type { BounceParser } from '../../lambda/core/mta/parser.ts';
import { PARSERS } from '../../lambda/core/mta/registry.ts';
import { REASONS } from '../../lambda/core/types.ts';

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
