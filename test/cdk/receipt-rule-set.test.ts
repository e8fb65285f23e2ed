// The rule-set custom resource's handler code with the real SES client against a stand-in SES API on
// loopback: it joins an active set and never changes it; it creates and activates its own set only when
// none is active; on delete it deactivates nothing but a set it created itself.
import { SESClient } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  onRuleSetEvent,
  type RuleSetEvent,
  sesReceiptRuleSets,
} from '../../lambda/adapters/receipt-rule-sets.ts';
import { type FakeRuleSets, startFakeRuleSets } from '../helpers/fake-ses-rule-sets.ts';

const OURS = 'BounceDoctor-receipt-rules';
const MUTATIONS = /^(CreateReceiptRuleSet|SetActiveReceiptRuleSet|DeleteReceiptRuleSet)\(/;

let ses: FakeRuleSets;
let run: (event: RuleSetEvent) => ReturnType<typeof onRuleSetEvent>;

beforeAll(async () => {
  ses = await startFakeRuleSets();
  const client = new SESClient({
    endpoint: ses.endpoint,
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const sets = sesReceiptRuleSets(client);
  run = (event) => onRuleSetEvent(event, sets, () => {});
});

afterAll(() => ses.close());

beforeEach(() => {
  ses.sets.clear();
  ses.active = undefined;
  ses.calls.length = 0;
});

const create: RuleSetEvent = { RequestType: 'Create', ResourceProperties: { CreatedRuleSetName: OURS } };
const del = (PhysicalResourceId: string): RuleSetEvent => ({ RequestType: 'Delete', PhysicalResourceId });
const mutations = () => ses.calls.filter((call) => MUTATIONS.test(call));

describe('the rule-set custom resource never deactivates a set it did not create', () => {
  it('joins the active set, and on create and delete leaves it active with its rules', async () => {
    ses.sets.set('mail-routing', ['support-inbox']);
    ses.active = 'mail-routing';

    const created = await run(create);
    expect(created.Data).toEqual({ RuleSetName: 'mail-routing', CreatedByStack: 'false' });
    ses.sets.get('mail-routing')?.push('BounceDoctor-bounces');
    // CloudFormation deletes the stack's rule first, then the custom resource.
    ses.sets.set('mail-routing', ['support-inbox']);
    await run(del(created.PhysicalResourceId));

    expect(mutations()).toEqual([]);
    expect(ses.active).toBe('mail-routing');
    expect(ses.sets.get('mail-routing')).toEqual(['support-inbox']);
  });

  it('leaves the account alone when another set was activated after the stack created its own', async () => {
    const created = await run(create);
    ses.sets.set('someone-elses', []);
    ses.active = 'someone-elses';
    ses.calls.length = 0;

    await run(del(created.PhysicalResourceId));

    expect(ses.active).toBe('someone-elses');
    expect(mutations()).toEqual([`DeleteReceiptRuleSet(${OURS})`]);
    expect(ses.sets.has(OURS)).toBe(false);
  });

  it('keeps its own set, active, when others added rules to it', async () => {
    const created = await run(create);
    ses.sets.set(OURS, ['added-by-another-team']);
    ses.calls.length = 0;

    await run(del(created.PhysicalResourceId));

    expect(mutations()).toEqual([]);
    expect(ses.active).toBe(OURS);
  });

  it('does nothing on delete for a physical id it did not issue (a create that failed)', async () => {
    ses.sets.set('mail-routing', []);
    ses.active = 'mail-routing';
    await run(del('2f1c2d3e-request-id'));
    expect(ses.calls).toEqual([]);
  });

  it('refuses an inactive set of the same name that it did not create', async () => {
    ses.sets.set(OURS, ['old-rule']);
    await expect(run(create)).rejects.toThrow(
      /already exists that this stack did not create.*receiving\.ruleSetName/,
    );
    expect(mutations()).toEqual([`CreateReceiptRuleSet(${OURS})`]);
    expect(ses.active).toBeUndefined();
  });
});

describe('the rule-set custom resource with no active set', () => {
  it('creates and activates its own set, and on delete deactivates and deletes it once it is empty', async () => {
    const created = await run(create);
    expect(created).toEqual({
      PhysicalResourceId: `created:${OURS}`,
      Data: { RuleSetName: OURS, CreatedByStack: 'true' },
    });
    expect(ses.active).toBe(OURS);

    await run(del(created.PhysicalResourceId));

    expect(mutations()).toEqual([
      `CreateReceiptRuleSet(${OURS})`,
      `SetActiveReceiptRuleSet(${OURS})`,
      'SetActiveReceiptRuleSet()',
      `DeleteReceiptRuleSet(${OURS})`,
    ]);
    expect(ses.active).toBeUndefined();
    expect(ses.sets.size).toBe(0);
  });

  it('keeps the decision of the create on update', async () => {
    const created = await run(create);
    ses.calls.length = 0;
    const updated = await run({ RequestType: 'Update', PhysicalResourceId: created.PhysicalResourceId });
    expect(updated).toEqual(created);
    expect(ses.calls).toEqual([]);
  });
});
