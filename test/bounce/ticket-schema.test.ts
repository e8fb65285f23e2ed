// docs/ticket.schema.json describes what the generic ticket client really sends: payloads built by the
// code from every corpus mail and sample bounce validate, the schema's lists are the code's own, and
// it rejects what the code never sends.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { GENERIC_SCHEMA, genericTicketPayload } from '../../lambda/adapters/tickets/systems/generic.ts';
import { decodeBounce } from '../../lambda/core/decode.ts';
import { CATEGORIES } from '../../lambda/core/diagnosis/categories.ts';
import { diagnoseReport } from '../../lambda/core/diagnosis/diagnose.ts';
import { VERDICT_STATUSES } from '../../lambda/core/ses/verdicts.ts';
import { buildTicketDraft } from '../../lambda/core/ticketing/ticket-draft.ts';
import type { TrustVerdict } from '../../lambda/core/trust/trust.ts';
import { ACTIONS, CARRIERS, MESSAGE_KINDS, REASONS } from '../../lambda/core/types.ts';
import { ROOT } from '../helpers/cli.ts';
import { FIXTURES, mailFiles } from '../helpers/corpus.ts';
import { EXAMPLES } from '../helpers/ticket-drafts.ts';

type Json = Record<string, unknown>;

const schema = JSON.parse(readFileSync(join(ROOT, 'docs', 'ticket.schema.json'), 'utf8')) as Json;
/** RFC 3339 date-time, as `Date.prototype.toISOString` writes it and SES's timestamps are. */
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** The trust verdicts a ticket can carry, taken in turn by the payloads below. */
const TRUSTS: readonly (TrustVerdict | undefined)[] = [
  undefined,
  { trusted: true, by: 'message-id' },
  { trusted: true, by: 'verp' },
  { trusted: false, problems: ['no-original-message-id'] },
  { trusted: false, problems: ['message-id-domain', 'verp-bad-signature'] },
  { trusted: false, problems: ['verp-no-token', 'verp-expired'] },
];

let validate: ValidateFunction;

beforeAll(() => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTuples: false });
  ajv.addFormat('date-time', DATE_TIME);
  ajv.addFormat('uri', (text: string) => URL.canParse(text));
  validate = ajv.compile(schema);
});

async function payloadFor(file: string, index: number): Promise<Json> {
  const report = await decodeBounce(readFileSync(file));
  const id = `ses-${index}`;
  const draft = buildTicketDraft({
    sesMessageId: id,
    ...(index % 2 === 0 ? { receivedAt: '2026-11-27T09:15:04.112Z' } : {}),
    report,
    diagnosis: diagnoseReport(report),
    // Locally SES gives no verdicts; in AWS all five, in any state.
    verdicts:
      index % 3 === 0
        ? {}
        : {
            spam: VERDICT_STATUSES[index % 5],
            virus: 'PASS',
            spf: VERDICT_STATUSES[(index + 1) % 5],
            dkim: 'GRAY',
            dmarc: 'FAIL',
          },
    links: {
      ...(report.original ? { original: `https://viewer.example.jp/o/v1.o.${id}` } : {}),
      rawBounce: `https://viewer.example.jp/r/v1.r.${id}`,
      expiresAt: '2026-12-27T09:15:04.000Z',
    },
    ...(TRUSTS[index % TRUSTS.length] ? { trust: TRUSTS[index % TRUSTS.length] } : {}),
  });
  // Through JSON, as the ticket client sends it: absent optional fields and undefined values vanish.
  return JSON.parse(JSON.stringify(genericTicketPayload(draft))) as Json;
}

function errorsOf(payload: Json): string[] {
  return validate(payload) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('docs/ticket.schema.json', () => {
  it('accepts the payload of every corpus mail and sample bounce, trusted or not, with or without verdicts', async () => {
    const files = [
      ...mailFiles('sisimai').map((f) => join(FIXTURES, 'sisimai', f)),
      ...mailFiles('not-bounce').map((f) => join(FIXTURES, 'not-bounce', f)),
      ...['lhost-postfix-63.eml', 'rhost-kddi-02.eml', 'arf-01.eml', 'rfc3834-02.eml'].map((f) =>
        join(EXAMPLES, f),
      ),
    ];
    expect(files.length).toBeGreaterThan(400);
    const failures: string[] = [];
    for (const [index, file] of files.entries()) {
      const errors = errorsOf(await payloadFor(file, index));
      if (errors.length > 0) failures.push(`${file}: ${errors.join('; ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('names the code’s own lists: schema id, kinds, categories, reasons, actions, carriers, verdicts', () => {
    const props = schema.properties as Record<string, Json>;
    const defs = schema.$defs as Record<string, Json>;
    const recipient = (defs.recipient as { properties: Record<string, Json> }).properties;
    expect(props.schema?.const).toBe(GENERIC_SCHEMA);
    expect(props.kind?.enum).toEqual([...MESSAGE_KINDS]);
    expect(props.category?.enum).toEqual([...CATEGORIES]);
    expect(defs.reason?.enum).toEqual([...REASONS]);
    expect(recipient.action?.enum).toEqual([...ACTIONS]);
    expect(recipient.carrier?.enum).toEqual([...CARRIERS]);
    expect(defs.verdict?.enum).toEqual([...VERDICT_STATUSES]);
  });

  it('rejects what the code never sends', async () => {
    const good = await payloadFor(join(EXAMPLES, 'lhost-postfix-63.eml'), 1);
    expect(errorsOf(good)).toEqual([]);
    const [first] = good.recipients as Json[];
    const broken: Json[] = [
      { ...good, reason: 'mailboxful' },
      { ...good, schema: 'bounce-doctor.ticket/v2' },
      { ...good, extra: true },
      { ...good, recipients: [{ ...first, hardBounce: 'yes' }] },
      { ...good, recipients: [{ ...first, diagnosticCode: 'x'.repeat(2001) }] },
      { ...good, trust: { trusted: false, problems: [] } },
      { ...good, links: { rawBounce: 'not a link', expiresAt: '2026-12-27T09:15:04.000Z' } },
      { ...good, verdicts: { spam: 'pass' } },
      Object.fromEntries(Object.entries(good).filter(([key]) => key !== 'body')),
    ];
    for (const payload of broken) expect(errorsOf(payload)).not.toEqual([]);
  });
});
