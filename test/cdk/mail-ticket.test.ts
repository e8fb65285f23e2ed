// The `mail` ticket system in the stack: its settings reach the bounce handler, its role sends raw mail
// only as the ticket sender and only to the helpdesk, cdk-nag finds nothing, and a wrong setting stops
// the synth naming its key.
import { Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltApp, buildExampleApp, configErrorOf, type PolicyStatement } from '../helpers/cdk-app.ts';

const MAIL = {
  'ticketApi.kind': 'mail',
  'ticketApi.to': 'support@acme.example',
  'ticketApi.from': 'bounce-doctor@bounces.example.com',
  'ticketApi.url': null,
  'ticketApi.tokenSecretName': null,
};

let mail: BuiltApp;

beforeAll(() => {
  mail = buildExampleApp(MAIL);
});

const id = (construct: IConstruct): string => {
  const stack = Stack.of(construct);
  return stack.resolve(stack.getLogicalId(construct.node.defaultChild as never)) as string;
};

function handlerStatements(built: BuiltApp): PolicyStatement[] {
  const roleId = id(built.stack.bounceHandler.function.executionRole);
  return Object.values(built.template.findResources('AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as PolicyStatement[]);
}

describe('the mail ticket system', () => {
  it('gives the bounce handler the helpdesk, the sender and the defaults, and no ticket API', () => {
    const handler = mail.template.toJSON().Resources[id(mail.stack.bounceHandler.function)];
    const variables = handler.Properties.Environment.Variables;
    expect(variables).toMatchObject({
      TICKET_API_KIND: 'mail',
      TICKET_MAIL_TO: 'support@acme.example',
      TICKET_MAIL_FROM: 'bounce-doctor@bounces.example.com',
      TICKET_MAIL_AUTO_SUBMITTED: 'false',
    });
    expect(variables).not.toHaveProperty('TICKET_API_URL');
    expect(variables).not.toHaveProperty('TICKET_TOKEN_SECRET_ID');
    expect(variables).not.toHaveProperty('TICKET_MAIL_SUBJECT_MARKER');
  });

  it('passes a subject marker, an empty one too (no marker), and Auto-Submitted when asked', () => {
    const marked = buildExampleApp({
      ...MAIL,
      'ticketApi.subjectMarker': '[不達: {category}]',
      'ticketApi.autoSubmitted': 'true',
    });
    const variables = (built: BuiltApp) =>
      built.template.toJSON().Resources[id(built.stack.bounceHandler.function)].Properties.Environment
        .Variables;
    expect(variables(marked)).toMatchObject({
      TICKET_MAIL_SUBJECT_MARKER: '[不達: {category}]',
      TICKET_MAIL_AUTO_SUBMITTED: 'true',
    });
    const unmarked = buildExampleApp({ ...MAIL, 'ticketApi.subjectMarker': '' });
    expect(variables(unmarked)).toMatchObject({ TICKET_MAIL_SUBJECT_MARKER: '' });
  });

  it('lets the role send raw mail only as the ticket sender and only to the helpdesk', () => {
    const statements = handlerStatements(mail);
    const ses = statements.filter((s) => [s.Action].flat().some((action) => action.startsWith('ses:')));
    expect(ses).toHaveLength(1);
    expect([ses[0]?.Action].flat()).toEqual(['ses:SendRawEmail']);
    expect(ses[0]?.Condition).toEqual({
      StringEquals: { 'ses:FromAddress': 'bounce-doctor@bounces.example.com' },
      'ForAllValues:StringEquals': { 'ses:Recipients': ['support@acme.example'] },
    });
    const resources = JSON.stringify(ses[0]?.Resource);
    expect(resources).toMatch(
      /identity\/bounce-doctor@bounces\.example\.com.*identity\/bounces\.example\.com/,
    );
    expect(resources).not.toContain('*');
  });

  it('reads no ticket token: the only secret the role reads is the link key', () => {
    const reads = handlerStatements(mail).filter((s) =>
      [s.Action].flat().includes('secretsmanager:GetSecretValue'),
    );
    expect(reads.map((s) => s.Sid)).toEqual(['ReadLinkKey']);
    expect(JSON.stringify(reads[0]?.Resource)).toContain('bounce-doctor/link-key');
    expect(JSON.stringify(reads[0]?.Resource)).not.toContain('ticket-api-token');
  });

  it('an API ticket system gets no SES right', () => {
    const example = buildExampleApp();
    expect(
      handlerStatements(example).some((s) => [s.Action].flat().some((action) => action.startsWith('ses:'))),
    ).toBe(false);
  });

  it('synthesizes with no cdk-nag finding (AWS Solutions)', () => {
    const built = buildExampleApp(MAIL);
    expect(() => built.app.synth()).not.toThrow();
  });

  it.each([
    [{ 'ticketApi.to': null }, 'ticketApi.to', /is required: the helpdesk's inbound address/],
    [{ 'ticketApi.from': 'bounce-doctor' }, 'ticketApi.from', /must be an e-mail address/],
    [{ 'ticketApi.from': 'noreply@example.com' }, 'ticketApi.from', /suspend or drop mail/],
    [{ 'ticketApi.from': 'no-reply+x@example.com' }, 'ticketApi.from', /suspend or drop mail/],
    [{ 'ticketApi.to': 'bounce-doctor@bounces.example.com' }, 'ticketApi.to', /must differ/],
    [{ 'ticketApi.to': 'desk@bounces.example.com' }, 'ticketApi.to', /would come back to bounce-doctor/],
    [
      // A `.domain` entry takes the subdomains' mail too (inside the mail domain, as the synth requires).
      { 'receiving.recipients': '.bounces.example.com', 'ticketApi.to': 'support@help.bounces.example.com' },
      'ticketApi.to',
      /received by this stack \(receiving.recipients "\.bounces\.example\.com"\)/,
    ],
    [{ 'ticketApi.subjectMarker': 'x'.repeat(101) }, 'ticketApi.subjectMarker', /at most 100 characters/],
    [{ 'ticketApi.autoSubmitted': 'sometimes' }, 'ticketApi.autoSubmitted', /true or false/],
  ])('%j → %s', (overrides, key, message) => {
    const error = configErrorOf({ ...MAIL, ...overrides });
    expect(error.setting).toBe(key);
    expect(error.message).toMatch(message);
  });
});
