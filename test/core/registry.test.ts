// One place for each kind of change: a parser file not registered, a reason without a rule or advice,
// or a provider file left out fails here, by name.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRST_PASS, LATER_PASS, STRUCTURAL } from '../../lambda/core/classify/order.ts';
import { PROVIDERS } from '../../lambda/core/classify/providers/index.ts';
import { CATEGORY_OF_REASON } from '../../lambda/core/diagnosis/categories.ts';
import { REASON_ADVICE } from '../../lambda/core/diagnosis/reasons.ts';
import type { BounceParser } from '../../lambda/core/mta/parser.ts';
import { PARSERS } from '../../lambda/core/mta/registry.ts';
import { REASONS } from '../../lambda/core/types.ts';

const CORE = join(import.meta.dirname, '..', '..', 'lambda', 'core');
const tsFiles = (dir: string) => readdirSync(join(CORE, dir)).filter((f) => f.endsWith('.ts'));

function isParser(value: unknown): value is BounceParser {
  const v = value as Partial<BounceParser> | null;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.parse === 'function';
}

describe('the parser registry', () => {
  it.each(tsFiles('mta'))('every parser exported by mta/%s is registered', async (file) => {
    const module: Record<string, unknown> = await import(join(CORE, 'mta', file));
    for (const parser of Object.values(module).filter(isParser)) {
      if (file === 'registry.ts') continue;
      expect(PARSERS, `${parser.id} from ${file}`).toContain(parser);
      expect(parser.id).toBe(basename(file, '.ts'));
    }
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
  const ordered = [...FIRST_PASS, ...LATER_PASS, ...STRUCTURAL].map((rule) => rule.reason);
  const ruleFiles = tsFiles('classify/rules').map((f) => basename(f, '.ts'));

  it.each(REASONS)('%s has a rule file, one place in the order, a category and ja/en advice', (reason) => {
    expect(ruleFiles).toContain(reason);
    expect(ordered.filter((r) => r === reason)).toHaveLength(1);
    expect(CATEGORY_OF_REASON[reason]).toBeTruthy();
    const advice = REASON_ADVICE[reason];
    for (const text of [advice.summary, advice.remedy]) {
      expect(text.ja.length).toBeGreaterThan(5);
      expect(text.en.length).toBeGreaterThan(5);
    }
  });

  it('has no rule file for a reason outside the typed union', () => {
    expect(ruleFiles.filter((f) => !(REASONS as readonly string[]).includes(f))).toEqual([]);
  });
});

describe('the receiving-provider rules', () => {
  it.each(tsFiles('classify/providers').filter((f) => !['index.ts', 'provider.ts'].includes(f)))(
    'providers/%s is in the provider list',
    async (file) => {
      const module: Record<string, unknown> = await import(join(CORE, 'classify', 'providers', file));
      const rules = Object.values(module);
      expect(rules.some((rule) => (PROVIDERS as readonly unknown[]).includes(rule))).toBe(true);
    },
  );
});
