// One result per input file: the messages of an mbox folded into one report, with its diagnosis.
import { type Diagnosis, diagnoseReport } from './diagnosis/diagnose.ts';
import type { BounceReport } from './types.ts';

export interface FileResult {
  report: BounceReport;
  diagnosis: Diagnosis;
  /** Number of messages in the file (an mbox may hold several). */
  messages: number;
}

/** Folds the reports of one file's messages into one: recipients in order, the first bounce's kind. */
export function combineReports(reports: readonly BounceReport[]): BounceReport {
  const [first] = reports;
  if (!first) throw new Error('combineReports needs at least one report');
  if (reports.length === 1) return first;
  const lead = reports.find((r) => r.kind !== 'not-bounce') ?? first;
  return {
    ...lead,
    recipients: reports.flatMap((r) => r.recipients),
    warnings: reports.flatMap((r) => r.warnings),
  };
}

export function fileResult(reports: readonly BounceReport[]): FileResult {
  const report = combineReports(reports);
  return { report, diagnosis: diagnoseReport(report), messages: reports.length };
}
