// `--summary`: counts by category, reason and recipient domain, what ops look at after a bad mailing.
import type { FileResult } from '../../lambda/core/file-result.ts';

export class BatchSummary {
  files = 0;
  failedFiles = 0;
  readonly byKind = new Map<string, number>();
  readonly byCategory = new Map<string, number>();
  readonly byReason = new Map<string, number>();
  readonly byDomain = new Map<string, number>();

  add(result: FileResult): void {
    this.files++;
    bump(this.byKind, result.report.kind);
    if (result.report.kind === 'not-bounce') return;
    bump(this.byCategory, result.diagnosis.category);
    for (const r of result.report.recipients) {
      bump(this.byReason, r.reason);
      bump(this.byDomain, r.address.slice(r.address.lastIndexOf('@') + 1) || '(none)');
    }
  }

  addFailure(): void {
    this.files++;
    this.failedFiles++;
  }

  render(): string {
    const lines = [`files: ${this.files} (${this.failedFiles} could not be read or decoded)`];
    for (const [title, counts] of [
      ['by kind', this.byKind],
      ['by category', this.byCategory],
      ['by reason (recipients)', this.byReason],
      ['by recipient domain', this.byDomain],
    ] as const) {
      lines.push(`${title}:`);
      const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      for (const [key, n] of sorted.slice(0, 20)) lines.push(`  ${String(n).padStart(6)}  ${key}`);
      if (sorted.length > 20) lines.push(`  … ${sorted.length - 20} more`);
    }
    return lines.join('\n');
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
