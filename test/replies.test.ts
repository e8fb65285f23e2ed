// The reply table (fixtures/replies.tsv; its columns and sources in replies.README.md) run straight
// through the classifier: each line gives its expected reason, so a regression names the wording it
// broke. The few lines where the classifier reads the sources differently are listed, each with why,
// in helpers/reply-disagreements.ts and pinned to the classifier's answer (docs/accuracy.md discusses them).
import { describe, expect, it } from 'vitest';
import { classifyReply } from '../lambda/core/classify/classify.ts';
import type { Reason } from '../lambda/core/types.ts';
import { readReplyTable, type TableReply } from '../scripts/mta-lab/replies.ts';
import { DISAGREEMENTS } from './helpers/reply-disagreements.ts';

function classify(row: TableReply): Reason {
  return classifyReply({
    text: row.text,
    ...(row.status ? { status: row.status } : {}),
    ...(row.replyCode ? { replyCode: row.replyCode } : {}),
    ...(row.command ? { command: row.command } : {}),
  });
}

describe('the reply table through the classifier', () => {
  const rows = readReplyTable();
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
