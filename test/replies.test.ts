// The reply table (fixtures/replies.tsv; its columns and sources in replies.README.md) run straight
// through the classifier: each line gives its expected reason, so a regression names the wording it
// broke. The few lines where the classifier reads the sources differently are listed, each with why,
// in helpers/reply-disagreements.ts and pinned to the classifier's answer (docs/accuracy.md discusses them).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyReply } from '../lambda/core/classify/classify.ts';
import { REASONS, type Reason } from '../lambda/core/types.ts';
import { DISAGREEMENTS } from './helpers/reply-disagreements.ts';

interface TableLine {
  line: number;
  text: string;
  reason: Reason;
  status: string;
  replyCode: string;
  command: string;
}

function tableLines(): TableLine[] {
  const lines = readFileSync(new URL('./fixtures/replies.tsv', import.meta.url), 'utf8').split('\n');
  const rows: TableLine[] = [];
  lines.forEach((raw, i) => {
    if (!raw || raw.startsWith('#') || raw.startsWith('text\t')) return;
    const [text = '', reason = '', status = '', replyCode = '', command = ''] = raw.split('\t');
    if (!(REASONS as readonly string[]).includes(reason))
      throw new Error(`line ${i + 1}: unknown reason ${reason}`);
    rows.push({ line: i + 1, text, reason: reason as Reason, status, replyCode, command });
  });
  return rows;
}

function classify(row: TableLine): Reason {
  return classifyReply({
    text: row.text,
    ...(row.status ? { status: row.status } : {}),
    ...(row.replyCode ? { replyCode: row.replyCode } : {}),
    ...(row.command ? { command: row.command } : {}),
  });
}

describe('the reply table through the classifier', () => {
  const rows = tableLines();
  const disagreement = new Map(DISAGREEMENTS.map(([text, ours, why]) => [text, { ours, why }]));

  it.each(rows.filter((row) => !disagreement.has(row.text)))('line $line: $reason ← $text', (row) => {
    expect(classify(row)).toBe(row.reason);
  });

  it.each(DISAGREEMENTS)('disagrees on purpose: %s is %s', (text, ours) => {
    const row = rows.find((r) => r.text === text);
    expect(row, 'the line is no longer in the table: drop it from DISAGREEMENTS').toBeDefined();
    if (!row) return;
    expect(row.reason, 'the table now agrees: drop the line from DISAGREEMENTS').not.toBe(ours);
    expect(classify(row)).toBe(ours);
  });

  it('agrees with at least 97% of the table', () => {
    const agreed = rows.filter((row) => classify(row) === row.reason).length;
    expect(agreed / rows.length).toBeGreaterThanOrEqual(0.97);
  });
});
