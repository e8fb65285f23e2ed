// SES receipt-rule events for tests: the recorded shape in fixtures/events, with the message id and
// the verdicts a test needs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VERDICT_FIELDS } from '../../lambda/core/ses/event.ts';
import type { SesVerdicts, VerdictName } from '../../lambda/core/ses/verdicts.ts';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'events', 'ses-receipt.json');

interface SesEventShape {
  Records: { ses: { mail: { messageId: string }; receipt: Record<string, unknown> } }[];
}

export function sesEvent(messageId: string, verdicts: SesVerdicts = {}): SesEventShape {
  const event = JSON.parse(readFileSync(FIXTURE, 'utf8')) as SesEventShape;
  const record = event.Records[0];
  if (!record) throw new Error('the fixture has no record');
  record.ses.mail.messageId = messageId;
  for (const [name, status] of Object.entries(verdicts)) {
    record.ses.receipt[VERDICT_FIELDS[name as VerdictName]] = { status };
  }
  return event;
}

/**
 * The same event stripped to what SES must send: no verdicts (scanning off) and no envelope recipients,
 * so the handler has only the stored mail to go by.
 */
export function bareSesEvent(messageId: string): SesEventShape {
  const event = sesEvent(messageId);
  const record = event.Records[0];
  if (!record) throw new Error('the fixture has no record');
  record.ses.mail = { messageId };
  record.ses.receipt = {};
  return event;
}
