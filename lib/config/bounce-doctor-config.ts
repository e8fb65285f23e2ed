// The deployment's configuration, read from the CDK context and checked at synth: a wrong value stops
// `cdk synth` with an error that names its key. The keys, their defaults and ranges are the settings
// contract's (lambda/contracts/deployment.ts; docs/deploy.md's table is generated from it), and the
// bounce handler's and the probe's parts have the contract's shape, the one their Lambdas read back.
import { type BounceSettings, type TicketApiConfig, ticketKinds } from '../../lambda/contracts/bounce.ts';
import { DEPLOY_KEYS, type DeployKey } from '../../lambda/contracts/deployment.ts';
import type { MessageKind } from '../../lambda/contracts/message-kinds.ts';
import type { TrustConfig } from '../../lambda/contracts/trust.ts';
import { ADDRESS, DOMAIN, domainName } from '../../lambda/contracts/values.ts';
import { type ContextLookup, ContextReader, contextError } from './context-reader.ts';
import { type AlertsConfig, type ProbeDeployConfig, readAlerts, readProbe } from './probe-config.ts';
import { checkReceivingRegion } from './ses-regions.ts';
import { readTicketApi } from './ticket-api-config.ts';

export { ConfigError } from '../../lambda/contracts/errors.ts';
export type { AlertsConfig, ProbeDeployConfig } from './probe-config.ts';
/** CloudWatch Logs accepts only these retention periods. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

export interface BounceDoctorConfig {
  readonly stackName: string;
  readonly region: string;
  readonly account?: string;
  readonly receiving: {
    /** Addresses (bounce@example.com) or domains (bounces.example.com, .example.com for subdomains). */
    readonly recipients: readonly string[];
    /** An existing rule set to add the rule to; unset: the active set, or one the stack creates. */
    readonly ruleSetName?: string;
    /** The name of the set the stack creates and activates when no set is active. */
    readonly createdRuleSetName: string;
    readonly ruleName: string;
    /** Put the rule after this one in the set (existing sets only). */
    readonly afterRule?: string;
    readonly tlsRequired: boolean;
    /** Regions taken to receive mail beyond the checked list (synth warns). */
    readonly extraRegions: readonly string[];
  };
  readonly hostedZone?: { readonly id: string; readonly zoneName: string; readonly mailDomain: string };
  readonly ticketApi: TicketApiConfig;
  /** Kinds that get a ticket; empty: the handler's default (bounce, delay, feedback). */
  readonly ticketKinds: readonly MessageKind[];
  readonly links: BounceSettings['links'] & { readonly viewerBaseUrl?: string };
  /** Which bounces answer a message we sent (forged bounces otherwise): the handler's trust settings. */
  readonly trust: TrustConfig;
  readonly bounceHandler: { readonly memoryMb: number; readonly reservedConcurrency: number };
  /** The viewer behind its public Function URL: at most this many requests at once. */
  readonly viewer: { readonly reservedConcurrency: number };
  readonly retention: { readonly mailDays: number; readonly logDays: number };
  readonly kmsKeyArn?: string;
  readonly probe: ProbeDeployConfig;
  readonly alerts: AlertsConfig;
  /** Things synth should say but not refuse (e.g. a region from receiving.extraRegions). */
  readonly warnings: readonly string[];
}

/** Region and account from the environment (CDK_DEFAULT_REGION/ACCOUNT), used when cdk.json has none. */
export interface EnvironmentDefaults {
  readonly region?: string;
  readonly account?: string;
}

const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,62}[A-Za-z0-9])?$/;

export function readBounceDoctorConfig(
  lookup: ContextLookup,
  defaults: EnvironmentDefaults = {},
): BounceDoctorConfig {
  const context = new ContextReader(lookup);
  const stackName = context.optionalString('stackName') ?? DEPLOY_KEYS.stackName.default;
  if (!/^[A-Za-z][A-Za-z0-9-]{0,100}$/.test(stackName)) {
    throw contextError(
      'stackName',
      `must be letters, digits and hyphens, starting with a letter: "${stackName}"`,
    );
  }
  const region = context.optionalString('region') ?? defaults.region;
  if (!region)
    throw contextError('region', 'is required: the AWS region to deploy to (one that receives mail)');
  const account = context.optionalString('account') ?? defaults.account;
  if (account !== undefined && !/^\d{12}$/.test(account)) {
    throw contextError('account', `must be a 12-digit AWS account id, not "${account}"`);
  }
  const links = readLinks(context);
  const retention = {
    mailDays: context.integer('retention.mailDays'),
    logDays: context.integer('retention.logDays'),
  };
  if (retention.mailDays < links.expiryDays) {
    throw contextError(
      'retention.mailDays',
      `must be at least links.expiryDays (${links.expiryDays}): the links in a ticket open the stored mails`,
    );
  }
  if (!(LOG_RETENTION_DAYS as readonly number[]).includes(retention.logDays)) {
    throw contextError('retention.logDays', `must be one of ${LOG_RETENTION_DAYS.join(', ')}`);
  }
  const kmsKeyArn = context.optionalString('kmsKeyArn');
  if (kmsKeyArn !== undefined && !/^arn:aws[\w-]*:kms:[\w-]+:\d{12}:key\/[\w-]+$/.test(kmsKeyArn)) {
    throw contextError(
      'kmsKeyArn',
      `must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>), not "${kmsKeyArn}"`,
    );
  }
  const hostedZone = readHostedZone(context);
  const receiving = readReceiving(context, stackName);
  if (hostedZone) checkRecipientsInside(receiving.recipients, hostedZone.mailDomain);
  const checked = checkReceivingRegion('region', region, receiving.extraRegions);
  return {
    stackName,
    region: checked.region,
    ...(account ? { account } : {}),
    receiving,
    ...(hostedZone ? { hostedZone } : {}),
    ticketApi: readTicketApi(context, receiving.recipients),
    ticketKinds: ticketKinds('ticketKinds', context.list('ticketKinds'), { source: 'cdk.json' }),
    links,
    trust: readTrust(context),
    bounceHandler: {
      memoryMb: context.integer('bounceHandler.memoryMb'),
      reservedConcurrency: context.integer('bounceHandler.reservedConcurrency'),
    },
    viewer: { reservedConcurrency: context.integer('viewer.reservedConcurrency') },
    retention,
    ...(kmsKeyArn ? { kmsKeyArn } : {}),
    probe: readProbe(context),
    alerts: readAlerts(context),
    warnings: checked.warning ? [checked.warning] : [],
  };
}

/** The MX record sends the mail domain's mail to SES: a recipient outside it would never get mail. */
function checkRecipientsInside(recipients: readonly string[], mailDomain: string): void {
  for (const recipient of recipients) {
    const domain = recipient.includes('@') ? recipient.slice(recipient.lastIndexOf('@') + 1) : recipient;
    const bare = domain.toLowerCase().replace(/^\./, '');
    if (bare === mailDomain || bare.endsWith(`.${mailDomain}`)) continue;
    throw contextError(
      'receiving.recipients',
      `"${recipient}" is not inside hostedZone.mailDomain "${mailDomain}", whose MX record the stack creates`,
    );
  }
}

function readReceiving(context: ContextReader, stackName: string): BounceDoctorConfig['receiving'] {
  const recipients = context.list('receiving.recipients');
  if (recipients.length === 0) {
    throw contextError(
      'receiving.recipients',
      'is required: the bounce addresses or domains SES receives for',
    );
  }
  for (const recipient of recipients) {
    if (!ADDRESS.test(recipient) && !DOMAIN.test(recipient.replace(/^\./, ''))) {
      throw contextError('receiving.recipients', `"${recipient}" is neither an address nor a domain`);
    }
  }
  const ruleSetName = sesName(context, 'receiving.ruleSetName');
  const afterRule = sesName(context, 'receiving.afterRule');
  if (afterRule && !ruleSetName) {
    throw contextError('receiving.afterRule', 'needs receiving.ruleSetName: the set the rule is placed in');
  }
  return {
    recipients,
    ...(ruleSetName ? { ruleSetName } : {}),
    createdRuleSetName: sesName(context, 'receiving.createdRuleSetName') ?? `${stackName}-receipt-rules`,
    ruleName: sesName(context, 'receiving.ruleName') ?? `${stackName}-bounces`,
    ...(afterRule ? { afterRule } : {}),
    tlsRequired: context.boolean('receiving.tlsRequired'),
    extraRegions: context.list('receiving.extraRegions').map((r) => r.trim().toLowerCase()),
  };
}

function readHostedZone(context: ContextReader): BounceDoctorConfig['hostedZone'] {
  const id = context.optionalString('hostedZone.id');
  const zoneName = context.optionalString('hostedZone.zoneName')?.replace(/\.$/, '').toLowerCase();
  if (!id && !zoneName) return undefined;
  if (!id) throw contextError('hostedZone.id', 'is required with hostedZone.zoneName: the Route 53 zone id');
  if (!zoneName || !DOMAIN.test(zoneName)) {
    throw contextError(
      'hostedZone.zoneName',
      "is required with hostedZone.id: the zone's domain, e.g. example.com",
    );
  }
  // Explicit: a default of the zone's apex would send the whole domain's mail to SES.
  const configured = context.optionalString('hostedZone.mailDomain');
  if (!configured) {
    throw contextError(
      'hostedZone.mailDomain',
      'is required with hostedZone.id: the domain SES receives bounces for, e.g. bounces.example.com',
    );
  }
  const mailDomain = configured.replace(/\.$/, '').toLowerCase();
  if (!DOMAIN.test(mailDomain) || !(mailDomain === zoneName || mailDomain.endsWith(`.${zoneName}`))) {
    throw contextError(
      'hostedZone.mailDomain',
      `must be ${zoneName} or a subdomain of it, not "${mailDomain}"`,
    );
  }
  return { id, zoneName, mailDomain };
}

function readLinks(context: ContextReader): BounceDoctorConfig['links'] {
  const viewerBaseUrl = context.optionalHttpsUrl('links.viewerBaseUrl');
  return {
    keySecretId: context.secretName(
      'links.keySecretName',
      'the Secrets Manager secret with the link HMAC key',
    ),
    expiryDays: context.integer('links.expiryDays'),
    ...(viewerBaseUrl ? { viewerBaseUrl } : {}),
  };
}

/** The same domain names the handler accepts (contracts/values.ts). */
function readDomains(context: ContextReader, key: 'trust.messageIdDomains' | 'trust.dkimDomains'): string[] {
  return context.list(key).map((domain) => domainName(key, domain, { source: 'cdk.json' }));
}

function readTrust(context: ContextReader): TrustConfig {
  const messageIdDomains = readDomains(context, 'trust.messageIdDomains');
  const dkimDomains = readDomains(context, 'trust.dkimDomains');
  const verpKeySecretId = context.has('trust.verpKeySecretName')
    ? context.secretName('trust.verpKeySecretName', 'the Secrets Manager secret with the VERP signing key')
    : undefined;
  return {
    messageIdDomains,
    dkimDomains,
    ...(verpKeySecretId ? { verpKeySecretId } : {}),
    ticketUntrusted: context.boolean('trust.ticketUntrusted'),
  };
}

function sesName(context: ContextReader, key: DeployKey): string | undefined {
  const value = context.optionalString(key);
  if (value !== undefined && !NAME.test(value)) {
    throw contextError(
      key,
      `must be 1-64 letters, digits, _ . - (starting and ending with a letter or digit): "${value}"`,
    );
  }
  return value;
}
