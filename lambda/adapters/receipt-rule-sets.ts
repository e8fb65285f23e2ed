// The stack's custom resource for the SES receipt rule set. Only one rule set is active in an account and
// region, and CloudFormation cannot activate one. So, at create: when a set is active the rule joins it
// and the stack never touches that set again; when none is active the stack creates its own set and
// activates it. At delete it deactivates and deletes only the set it created, and only when that set is
// still empty (after the stack's own rule is gone) — a set other rules were added to is left as it is.
import {
  AlreadyExistsException,
  CreateReceiptRuleSetCommand,
  DeleteReceiptRuleSetCommand,
  DescribeActiveReceiptRuleSetCommand,
  DescribeReceiptRuleSetCommand,
  RuleSetDoesNotExistException,
  type SESClient,
  SetActiveReceiptRuleSetCommand,
} from '@aws-sdk/client-ses';

/** The SES calls the custom resource makes. */
export interface ReceiptRuleSets {
  /** The name of the active set, or undefined when none is active. */
  activeName(): Promise<string | undefined>;
  /** The rule names in a set, or undefined when the set does not exist. */
  ruleNames(name: string): Promise<string[] | undefined>;
  create(name: string): Promise<void>;
  activate(name: string): Promise<void>;
  /** Leaves the account with no active set. */
  deactivate(): Promise<void>;
  delete(name: string): Promise<void>;
}

/** The custom resource event (Provider framework), reduced to what is read here. */
export type RuleSetEvent =
  | { RequestType: 'Create'; ResourceProperties: { CreatedRuleSetName: string } }
  | { RequestType: 'Update' | 'Delete'; PhysicalResourceId: string };

export interface RuleSetResponse {
  PhysicalResourceId: string;
  Data?: { RuleSetName: string; CreatedByStack: 'true' | 'false' };
}

/** The physical id records the decision made at create: a set the stack created, or one it joined. */
const CREATED = 'created:';
const JOINED = 'joined:';

export async function onRuleSetEvent(
  event: RuleSetEvent,
  sets: ReceiptRuleSets,
  log: (message: string, fields: Record<string, unknown>) => void,
): Promise<RuleSetResponse> {
  switch (event.RequestType) {
    case 'Create':
      return create(event.ResourceProperties.CreatedRuleSetName, sets, log);
    case 'Update':
      // The decision of the create stands: moving the rule between sets is a replacement, not an update.
      return decision(event.PhysicalResourceId);
    case 'Delete':
      await remove(event.PhysicalResourceId, sets, log);
      return { PhysicalResourceId: event.PhysicalResourceId };
  }
}

async function create(
  name: string,
  sets: ReceiptRuleSets,
  log: (message: string, fields: Record<string, unknown>) => void,
): Promise<RuleSetResponse> {
  const active = await sets.activeName();
  if (active !== undefined) {
    log('a receipt rule set is active: the rule joins it; the stack will never change that set', { active });
    return decision(`${JOINED}${active}`);
  }
  try {
    await sets.create(name);
  } catch (error) {
    if (
      error instanceof AlreadyExistsException ||
      (error as { name?: string }).name === 'AlreadyExistsException'
    ) {
      throw new Error(
        `no receipt rule set is active, and an inactive set named "${name}" already exists that this stack did ` +
          'not create: activate the set you want, or name it in receiving.ruleSetName',
        { cause: error },
      );
    }
    throw error;
  }
  try {
    await sets.activate(name);
  } catch (error) {
    await sets.delete(name);
    throw error;
  }
  log("no receipt rule set was active: created and activated the stack's own set", { name });
  return decision(`${CREATED}${name}`);
}

async function remove(
  physicalId: string,
  sets: ReceiptRuleSets,
  log: (message: string, fields: Record<string, unknown>) => void,
): Promise<void> {
  if (!physicalId.startsWith(CREATED)) {
    log('the stack did not create this rule set: left as it is', { physicalId });
    return;
  }
  const name = physicalId.slice(CREATED.length);
  const rules = await sets.ruleNames(name);
  if (rules === undefined) {
    log('the rule set the stack created is already gone', { name });
    return;
  }
  if (rules.length > 0) {
    log('the rule set the stack created holds rules of others: left active and in place', { name, rules });
    return;
  }
  if ((await sets.activeName()) === name) await sets.deactivate();
  await sets.delete(name);
  log('deleted the empty rule set the stack had created', { name });
}

function decision(physicalId: string): RuleSetResponse {
  const created = physicalId.startsWith(CREATED);
  if (!created && !physicalId.startsWith(JOINED)) {
    throw new Error(`not a physical id of this custom resource: "${physicalId}"`);
  }
  const name = physicalId.slice((created ? CREATED : JOINED).length);
  return {
    PhysicalResourceId: physicalId,
    Data: { RuleSetName: name, CreatedByStack: created ? 'true' : 'false' },
  };
}

export function sesReceiptRuleSets(client: SESClient): ReceiptRuleSets {
  return {
    async activeName() {
      const output = await client.send(new DescribeActiveReceiptRuleSetCommand({}));
      return output.Metadata?.Name;
    },
    async ruleNames(name) {
      try {
        const output = await client.send(new DescribeReceiptRuleSetCommand({ RuleSetName: name }));
        return (output.Rules ?? []).map((rule) => rule.Name ?? '');
      } catch (error) {
        if (error instanceof RuleSetDoesNotExistException) return undefined;
        throw error;
      }
    },
    async create(name) {
      await client.send(new CreateReceiptRuleSetCommand({ RuleSetName: name }));
    },
    async activate(name) {
      await client.send(new SetActiveReceiptRuleSetCommand({ RuleSetName: name }));
    },
    async deactivate() {
      await client.send(new SetActiveReceiptRuleSetCommand({}));
    },
    async delete(name) {
      await client.send(new DeleteReceiptRuleSetCommand({ RuleSetName: name }));
    },
  };
}
