// How `bounce-doctor diagnose` prints: one JSON line per file, or a table for people.

import type { Lang, LocalText } from '../../lambda/core/diagnosis/reasons.ts';
import type { FileResult } from '../../lambda/core/file-result.ts';
import type { RecipientResult } from '../../lambda/core/types.ts';

/** The JSON line of the CLI contract (DESIGN.md), one per file. */
export function jsonLine(file: string, result: FileResult): string {
  const { report, diagnosis } = result;
  return JSON.stringify({
    file,
    kind: report.kind,
    isBounce: report.kind !== 'not-bounce',
    decodedBy: report.decodedBy,
    ...(result.messages > 1 ? { messages: result.messages } : {}),
    recipients: report.recipients,
    ...(report.original
      ? { original: { subject: report.original.subject, messageId: report.original.messageId ?? '' } }
      : {}),
    diagnosis: {
      category: diagnosis.category,
      reason: diagnosis.reason,
      summary: diagnosis.summary,
      remedy: diagnosis.remedy,
    },
    ...(report.warnings.length > 0 ? { warnings: report.warnings } : {}),
  });
}

export function errorLine(file: string, message: string): string {
  return JSON.stringify({ file, isBounce: false, recipients: [], error: message });
}

/** A block of text per file: what came back, each recipient, what it means, what to do. */
export function humanBlock(file: string, result: FileResult, lang: Lang): string {
  const { report, diagnosis } = result;
  const lines = [`${file}`];
  const by = report.decodedBy ? ` (${report.decodedBy})` : '';
  lines.push(`  ${label(lang, 'kind')}: ${report.kind}${by}`);
  if (report.original)
    lines.push(`  ${label(lang, 'original')}: ${report.original.subject || '(no subject)'}`);
  if (report.recipients.length > 0) {
    const rows = report.recipients.map((r) => [
      r.address,
      r.reason,
      r.status || '-',
      r.replyCode || '-',
      bounceLabel(r, lang),
    ]);
    lines.push(
      ...table([['recipient', 'reason', 'status', 'reply', 'bounce'], ...rows]).map((l) => `    ${l}`),
    );
    for (const r of report.recipients) {
      if (r.diagnosticCode) lines.push(`    ${r.address}: ${clip(r.diagnosticCode, 160)}`);
      if (r.whyUndecided) lines.push(`    ${label(lang, 'undecided')} ${r.address}: ${r.whyUndecided}`);
    }
  }
  if (report.kind !== 'not-bounce') {
    lines.push(`  [${diagnosis.category}] ${diagnosis.summary[lang]}`);
    lines.push(`  ${label(lang, 'remedy')}: ${diagnosis.remedy[lang]}`);
  }
  for (const w of report.warnings) lines.push(`  ${label(lang, 'warning')}: ${w}`);
  return lines.join('\n');
}

export function humanError(file: string, message: string, lang: Lang): string {
  return `${file}\n  ${label(lang, 'error')}: ${message}`;
}

const LABELS: Readonly<Record<string, LocalText>> = {
  kind: { ja: '種別', en: 'kind' },
  original: { ja: '元のメール', en: 'original' },
  hard: { ja: 'ハード', en: 'hard' },
  soft: { ja: 'ソフト', en: 'soft' },
  remedy: { ja: '対処', en: 'remedy' },
  undecided: { ja: '判定できない理由', en: 'undecided' },
  warning: { ja: '警告', en: 'warning' },
  error: { ja: 'エラー', en: 'error' },
};

/** Hard or soft only means something for a failed or delayed delivery. */
function bounceLabel(r: RecipientResult, lang: Lang): string {
  if (r.action !== 'failed' && r.action !== 'delayed' && r.action !== '') return '-';
  if (r.reason === 'feedback' || r.reason === 'vacation' || r.reason === 'delivered') return '-';
  return r.hardBounce ? label(lang, 'hard') : label(lang, 'soft');
}

function label(lang: Lang, key: string): string {
  return LABELS[key]?.[lang] ?? key;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
