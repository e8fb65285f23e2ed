// The bounce's diagnosis for the viewer page, from the raw bounce itself: the same pure decoder and
// catalogue as the ticket (decodeBounce, diagnoseReport), so the page and the ticket agree and no
// second stored format is needed.
import { decodeBounce } from '../decode.ts';
import { diagnoseReport } from '../diagnosis/diagnose.ts';
import type { LocalText } from '../diagnosis/reasons.ts';
import type { MessageKind } from '../types.ts';

/** The server's words are shown up to this length; the download has them whole. */
const MAX_WORDS = 600;

export interface BounceSummary {
  kind: MessageKind;
  category: string;
  summary: LocalText;
  remedy: LocalText;
  recipients: {
    address: string;
    reason: string;
    status: string;
    replyCode: string;
    diagnosticCode: string;
  }[];
  /** The bounce returned only the original's headers. */
  headersOnly: boolean;
}

export async function summarizeBounce(raw: Uint8Array): Promise<BounceSummary> {
  const report = await decodeBounce(raw);
  const diagnosis = diagnoseReport(report);
  return {
    kind: report.kind,
    category: diagnosis.category,
    summary: diagnosis.summary,
    remedy: diagnosis.remedy,
    recipients: report.recipients.map((r) => ({
      address: r.address,
      reason: r.reason,
      status: r.status,
      replyCode: r.replyCode,
      diagnosticCode:
        r.diagnosticCode.length > MAX_WORDS ? `${r.diagnosticCode.slice(0, MAX_WORDS)}…` : r.diagnosticCode,
    })),
    headersOnly: report.original?.headersOnly ?? false,
  };
}
