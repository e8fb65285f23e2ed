// The custom resource behind the stack's SES receipt rule set (CDK Provider framework, onEvent): joins
// the active set, or creates and activates one; on delete undoes only what it did itself. See
// lambda/adapters/receipt-rule-sets.ts.
import { SESClient } from '@aws-sdk/client-ses';
import { logger } from '../adapters/powertools.ts';
import {
  onRuleSetEvent,
  type RuleSetEvent,
  type RuleSetResponse,
  sesReceiptRuleSets,
} from '../adapters/receipt-rule-sets.ts';

const sets = sesReceiptRuleSets(new SESClient({}));

export function handler(event: RuleSetEvent): Promise<RuleSetResponse> {
  return onRuleSetEvent(event, sets, (message, fields) => logger.info(message, fields));
}
