// The deployment's settings: every key cdk.json's context may hold, with its default (and range) as the
// CDK app reads it and the docs show it, grouped in the rows of docs/deploy.md's table.
import { BOUNCE_DEFAULTS, DEFAULT_SUBJECT_MARKER } from './bounce-variables.ts';
import { code, codeList, REQUIRED } from './documented.ts';
import { PROBE_DEFAULTS } from './probe.ts';
import { TICKET_SYSTEM_KINDS } from './ticket-systems.ts';

type KeySpec =
  | { readonly type: 'integer'; readonly default: number; readonly min: number; readonly max: number }
  | { readonly type: 'boolean'; readonly default: boolean }
  | { readonly type: 'text'; readonly default: string }
  /** Read without a default of its own here; `shown` is what the docs say instead. */
  | { readonly type: 'other'; readonly shown: string };

const integer = (value: number, min: number, max: number) =>
  ({ type: 'integer', default: value, min, max }) as const;
const boolean = (value: boolean) => ({ type: 'boolean', default: value }) as const;
const text = (value: string) => ({ type: 'text', default: value }) as const;
const other = (shown: string) => ({ type: 'other', shown }) as const;
const NONE = other('none');

export const DEPLOY_KEYS = {
  region: other(code('CDK_DEFAULT_REGION')),
  account: other(code('CDK_DEFAULT_ACCOUNT')),
  stackName: text('BounceDoctor'),
  'receiving.recipients': other(REQUIRED),
  'receiving.ruleSetName': other('(decided at deploy)'),
  'receiving.afterRule': other('first'),
  'receiving.createdRuleSetName': other(code('<stack>-receipt-rules')),
  'receiving.ruleName': other(code('<stack>-bounces')),
  'receiving.tlsRequired': boolean(true),
  'receiving.extraRegions': NONE,
  'hostedZone.id': NONE,
  'hostedZone.zoneName': NONE,
  'hostedZone.mailDomain': other('(required with the zone)'),
  'ticketApi.kind': text('generic'),
  'ticketApi.url': other(REQUIRED),
  'ticketApi.tokenSecretName': other(REQUIRED),
  'ticketApi.to': other('(required with `mail`)'),
  'ticketApi.from': other('(required with `mail`)'),
  'ticketApi.subjectMarker': other(code(DEFAULT_SUBJECT_MARKER)),
  'ticketApi.autoSubmitted': boolean(false),
  'ticketApi.timeoutMs': integer(BOUNCE_DEFAULTS.ticketTimeoutMs, 1000, 60_000),
  'ticketApi.maxAttempts': integer(BOUNCE_DEFAULTS.ticketMaxAttempts, 1, 10),
  'ticketApi.budgetPerHour': integer(BOUNCE_DEFAULTS.ticketBudgetPerHour, 1, 100_000),
  ticketKinds: other(code(BOUNCE_DEFAULTS.ticketKinds)),
  'links.keySecretName': other(REQUIRED),
  'links.expiryDays': integer(BOUNCE_DEFAULTS.linkExpiryDays, 1, 3650),
  'links.viewerBaseUrl': other("the viewer's Function URL"),
  'trust.messageIdDomains': NONE,
  'trust.dkimDomains': NONE,
  'trust.verpKeySecretName': NONE,
  'trust.ticketUntrusted': boolean(false),
  'bounceHandler.memoryMb': integer(1024, 512, 10_240),
  'bounceHandler.reservedConcurrency': integer(5, 1, 1000),
  'viewer.reservedConcurrency': integer(10, 1, 1000),
  'retention.mailDays': integer(90, 1, 3650),
  'retention.logDays': integer(90, 1, 3653),
  kmsKeyArn: other('none (SSE-S3)'),
  'probe.host': other(REQUIRED),
  'probe.user': other(REQUIRED),
  'probe.passwordSecretName': other(REQUIRED),
  'probe.port': integer(PROBE_DEFAULTS.port, 1, 65_535),
  'probe.security': other('`tls` on 465 else `starttls`'),
  'probe.authMethod': text(PROBE_DEFAULTS.authMethod),
  'probe.mailFrom': other('none (no sender check)'),
  'probe.rcptTo': other(code('probe.mailFrom')),
  'probe.scheduleMinutes': integer(5, 1, 60),
  'probe.timeoutMs': integer(PROBE_DEFAULTS.timeoutMs, 1000, 60_000),
  'probe.slowMs': integer(PROBE_DEFAULTS.thresholds.slowMs, 100, 600_000),
  'probe.certWarnDays': integer(PROBE_DEFAULTS.thresholds.certificateWarnDays, 1, 365),
  'probe.transientAlertAfter': integer(PROBE_DEFAULTS.transientAlertAfter, 1, 10),
  'alerts.emails': NONE,
  'alerts.sesFrom': NONE,
  'alerts.sesTo': NONE,
} as const satisfies Readonly<Record<string, KeySpec>>;

export type DeployKey = keyof typeof DEPLOY_KEYS;
type KeyOfType<T extends KeySpec['type']> = {
  [K in DeployKey]: (typeof DEPLOY_KEYS)[K]['type'] extends T ? K : never;
}[DeployKey];
export type IntegerKey = KeyOfType<'integer'>;
export type BooleanKey = KeyOfType<'boolean'>;
export type TextKey = KeyOfType<'text'>;

/** A row of docs/deploy.md's table: keys read together, and what they do. */
export interface DeployRow {
  readonly keys: readonly DeployKey[];
  readonly meaning: string;
}

export const DEPLOY_ROWS: readonly DeployRow[] = [
  { keys: ['region', 'account'], meaning: 'where to deploy; the region must receive mail' },
  { keys: ['stackName'], meaning: 'also names the dashboard, the rule and a created rule set' },
  {
    keys: ['receiving.recipients'],
    meaning:
      'addresses (`bounce@bounces.example.com`) or domains (`bounces.example.com`; `.example.com` for its subdomains)',
  },
  {
    keys: ['receiving.ruleSetName'],
    meaning: 'an existing rule set to add the rule to; unset: the active set, or a new one (below)',
  },
  { keys: ['receiving.afterRule'], meaning: 'the rule of `ruleSetName` to place the bounce rule after' },
  { keys: ['receiving.createdRuleSetName', 'receiving.ruleName'], meaning: '' },
  { keys: ['receiving.tlsRequired'], meaning: 'refuse mail not sent over TLS' },
  {
    keys: ['receiving.extraRegions'],
    meaning: 'regions taken to receive mail beyond the checked list; synth warns (Prerequisites)',
  },
  {
    keys: ['hostedZone.id', 'hostedZone.zoneName', 'hostedZone.mailDomain'],
    meaning:
      'a Route 53 public zone: the stack creates the SES domain identity of `mailDomain`, its DKIM records and its MX record; the recipients must be inside `mailDomain`',
  },
  {
    keys: ['ticketApi.kind', 'ticketApi.url', 'ticketApi.tokenSecretName'],
    meaning: `${codeList(TICKET_SYSTEM_KINDS)}: \`TICKET_API_KIND\`; \`TICKET_API_URL\` (https), \`TICKET_TOKEN_SECRET_ID\` (not for \`mail\`)`,
  },
  {
    keys: ['ticketApi.to', 'ticketApi.from'],
    meaning:
      '`TICKET_MAIL_TO`, `TICKET_MAIL_FROM`: the helpdesk and the sender ([The `mail` ticket system](#the-mail-ticket-system))',
  },
  {
    keys: ['ticketApi.subjectMarker', 'ticketApi.autoSubmitted'],
    meaning: '`TICKET_MAIL_SUBJECT_MARKER` (`""`: none), `TICKET_MAIL_AUTO_SUBMITTED`',
  },
  {
    keys: ['ticketApi.timeoutMs', 'ticketApi.maxAttempts'],
    meaning:
      "`TICKET_TIMEOUT_MS`, `TICKET_MAX_ATTEMPTS`; the handler's time-out follows: attempts × time-out + 50 s, at least 90 s",
  },
  {
    keys: ['ticketApi.budgetPerHour'],
    meaning:
      "`TICKET_BUDGET_PER_HOUR`: tickets an hour at most ([Forged bounces](forged-bounces.md#the-hourly-ticket-budget)); also the ticket volume alarm's threshold",
  },
  { keys: ['ticketKinds'], meaning: '`TICKET_KINDS`' },
  { keys: ['links.keySecretName', 'links.expiryDays'], meaning: '`LINK_KEY_SECRET_ID`, `LINK_EXPIRY_DAYS`' },
  {
    keys: ['trust.messageIdDomains', 'trust.dkimDomains'],
    meaning:
      '`TRUSTED_MESSAGE_ID_DOMAINS`, `TRUSTED_DKIM_DOMAINS` ([Forged bounces](forged-bounces.md)); none set: every bounce is trusted; the example sets its sending domain for both',
  },
  {
    keys: ['trust.verpKeySecretName', 'trust.ticketUntrusted'],
    meaning:
      '`VERP_KEY_SECRET_ID` (+ read access to it), `TICKET_UNTRUSTED`; the example tickets untrusted bounces (marked) so that no real bounce is dropped',
  },
  {
    keys: ['links.viewerBaseUrl'],
    meaning: '`VIEWER_BASE_URL`: where the ticket links point (see "The viewer" below)',
  },
  {
    keys: ['bounceHandler.memoryMb', 'bounceHandler.reservedConcurrency'],
    meaning: 'a 40 MB mail fits; at most this many tickets are posted at once',
  },
  {
    keys: ['viewer.reservedConcurrency'],
    meaning: 'requests the viewer serves at once; more are throttled (alarmed)',
  },
  {
    keys: ['retention.mailDays', 'retention.logDays'],
    meaning:
      'raw mails and originals (at least `links.expiryDays`); CloudWatch Logs (one of its allowed values)',
  },
  { keys: ['kmsKeyArn'], meaning: "a KMS key of the account: the mail bucket's default encryption (below)" },
  {
    keys: ['probe.host', 'probe.user', 'probe.passwordSecretName'],
    meaning: 'as `SMTP_HOST`, `SMTP_USER`, `SMTP_PASSWORD_SECRET_ID`',
  },
  {
    keys: ['probe.port', 'probe.security', 'probe.authMethod'],
    meaning: 'port 25 is refused: Lambda cannot reach it',
  },
  {
    keys: ['probe.mailFrom', 'probe.rcptTo'],
    meaning:
      "`PROBE_MAIL_FROM`, `PROBE_RCPT_TO`: the probe's [sender check](probe.md#the-sender-check) — may this login send as that address?",
  },
  { keys: ['probe.scheduleMinutes'], meaning: 'minutes between runs' },
  {
    keys: ['probe.timeoutMs', 'probe.slowMs', 'probe.certWarnDays', 'probe.transientAlertAfter'],
    meaning:
      "as the probe's `PROBE_*` variables; also the certificate alarm's threshold and the probe alarm's runs in a row",
  },
  { keys: ['alerts.emails'], meaning: 'e-mail subscriptions of the alert topic (each confirms once)' },
  {
    keys: ['alerts.sesFrom', 'alerts.sesTo'],
    meaning: "the probe's ja + en alert mail through SES; the probe may send as `sesFrom` only",
  },
];

/** A key's default as the docs show it, with its range when it has one. */
export function shownDefault(key: DeployKey): string {
  const spec: KeySpec = DEPLOY_KEYS[key];
  switch (spec.type) {
    case 'integer':
      return `${code(spec.default)} (${spec.min}–${spec.max})`;
    case 'boolean':
    case 'text':
      return code(spec.default);
    case 'other':
      return spec.shown;
  }
}
