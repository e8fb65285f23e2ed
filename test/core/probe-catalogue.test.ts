// Every probe outcome and every kind of outcome has its ja/en advice: a missing entry fails here by name.
import { describe, expect, it } from 'vitest';
import {
  CONFIG_WARNING_ADVICE,
  PROBE_ADVICE,
  PROBE_ADVICE_TOPICS,
} from '../../lambda/core/diagnosis/probe/catalogue.ts';
import { CONFIG_WARNINGS, OUTCOME_VARIANTS, OUTCOMES } from '../../lambda/core/probe/types.ts';

const variantsOf = (outcome: string): readonly string[] =>
  (OUTCOME_VARIANTS as Readonly<Record<string, readonly string[]>>)[outcome] ?? [];

const keys = OUTCOMES.flatMap((outcome) => {
  const variants = variantsOf(outcome);
  return variants.length === 0 ? [outcome] : variants.map((variant) => `${outcome}:${variant}`);
});

describe('the probe catalogue', () => {
  it.each(keys)('%s has a summary and a remedy in Japanese and English', (key) => {
    const advice = (
      PROBE_ADVICE as Readonly<Record<string, (typeof PROBE_ADVICE)[keyof typeof PROBE_ADVICE]>>
    )[key];
    expect(advice, key).toBeDefined();
    for (const text of [advice?.summary, advice?.remedy]) {
      expect(text?.ja.length).toBeGreaterThan(5);
      expect(text?.en.length).toBeGreaterThan(5);
      expect(text?.ja, 'Japanese text has Japanese in it').toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  it('has no entry for an outcome or kind outside the typed unions', () => {
    expect(Object.keys(PROBE_ADVICE).filter((key) => !keys.includes(key))).toEqual([]);
  });

  it.each(keys)('%s is in exactly one topic (auth, connection, greeting, tls, sender)', (key) => {
    const topics = Object.entries(PROBE_ADVICE_TOPICS).filter(([, advice]) => key in advice);
    expect(topics.map(([topic]) => topic)).toHaveLength(1);
  });

  it.each(CONFIG_WARNINGS)('config warning %s has ja/en advice', (warning) => {
    expect(CONFIG_WARNING_ADVICE[warning].summary.ja.length).toBeGreaterThan(5);
    expect(CONFIG_WARNING_ADVICE[warning].remedy.en.length).toBeGreaterThan(5);
  });
});
