// Ticket drafts from real sample bounces, for the ticket client tests.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeBounce } from '../../lambda/core/decode.ts';
import { diagnoseReport } from '../../lambda/core/diagnosis/diagnose.ts';
import type { TicketDraft } from '../../lambda/core/ticketing/ticket.ts';
import { buildTicketDraft } from '../../lambda/core/ticketing/ticket-draft.ts';

export const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples', 'bounces');

export async function sampleDraft(
  file = 'lhost-postfix-63.eml',
  sesMessageId = 'sample0001',
): Promise<TicketDraft> {
  const report = await decodeBounce(await readFile(join(EXAMPLES, file)));
  return buildTicketDraft({
    sesMessageId,
    receivedAt: '2026-11-27T09:15:04.112Z',
    report,
    diagnosis: diagnoseReport(report),
    verdicts: { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'GRAY', dmarc: 'PASS' },
    links: {
      ...(report.original ? { original: `https://viewer.example.jp/o/token-o-${sesMessageId}` } : {}),
      rawBounce: `https://viewer.example.jp/r/token-r-${sesMessageId}`,
      expiresAt: '2026-12-27T09:15:04.000Z',
    },
  });
}
