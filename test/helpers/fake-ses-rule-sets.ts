// A node:http stand-in for the SES receipt-rule-set API (query protocol, as the AWS SDK speaks it): the
// rule sets of one account and region, which one is active, and every call in order.
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';

export interface FakeRuleSets {
  endpoint: string;
  /** Rule names by set name. */
  sets: Map<string, string[]>;
  active: string | undefined;
  /** Actions called, e.g. "SetActiveReceiptRuleSet(bounce-doctor)" or "SetActiveReceiptRuleSet()". */
  calls: string[];
  close(): Promise<void>;
}

const XMLNS = 'http://ses.amazonaws.com/doc/2010-12-01/';

export async function startFakeRuleSets(): Promise<FakeRuleSets> {
  const state: FakeRuleSets = {
    endpoint: '',
    sets: new Map(),
    active: undefined,
    calls: [],
    close: async () => {},
  };
  const server = createServer((request, response) => {
    readBody(request).then(
      (body) => {
        const { status, xml } = answer(state, Object.fromEntries(new URLSearchParams(body)));
        response.writeHead(status, { 'content-type': 'text/xml' });
        response.end(xml);
      },
      () => response.destroy(),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  state.endpoint = `http://127.0.0.1:${port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

interface Reply {
  status: number;
  xml: string;
}

function answer(state: FakeRuleSets, params: Record<string, string>): Reply {
  const action = params.Action ?? 'Unknown';
  const name = params.RuleSetName;
  state.calls.push(`${action}(${name ?? ''})`);
  switch (action) {
    case 'DescribeActiveReceiptRuleSet':
      return ok(action, state.active === undefined ? '' : describe(state.active, state.sets));
    case 'DescribeReceiptRuleSet':
      if (name === undefined || !state.sets.has(name)) return fail('RuleSetDoesNotExist', `${name}`);
      return ok(action, describe(name, state.sets));
    case 'CreateReceiptRuleSet':
      if (name === undefined || state.sets.has(name)) return fail('AlreadyExists', `${name}`);
      state.sets.set(name, []);
      return ok(action, '');
    case 'SetActiveReceiptRuleSet':
      if (name !== undefined && !state.sets.has(name)) return fail('RuleSetDoesNotExist', name);
      state.active = name;
      return ok(action, '');
    case 'DeleteReceiptRuleSet':
      if (name === state.active) return fail('CannotDelete', `${name} is active`);
      if (name !== undefined) state.sets.delete(name);
      return ok(action, '');
    default:
      return fail('InvalidAction', action);
  }
}

function describe(name: string, sets: Map<string, string[]>): string {
  const rules = (sets.get(name) ?? []).map((rule) => `<member><Name>${rule}</Name></member>`).join('');
  return `<Metadata><Name>${name}</Name><CreatedTimestamp>2026-01-01T00:00:00Z</CreatedTimestamp></Metadata><Rules>${rules}</Rules>`;
}

function ok(action: string, result: string): Reply {
  return {
    status: 200,
    xml:
      `<${action}Response xmlns="${XMLNS}"><${action}Result>${result}</${action}Result>` +
      `<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></${action}Response>`,
  };
}

function fail(code: string, message: string): Reply {
  return {
    status: 400,
    xml:
      `<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>${code}</Code>` +
      `<Message>${message}</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
