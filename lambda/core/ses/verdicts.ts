// SES's receipt verdicts (spam, virus, SPF, DKIM, DMARC): from the event, or from the headers SES adds
// to the stored mail (for replays, whose events carry none), and what they mean for the handler.
import { mailHead } from '../mail/headers.ts';

export const VERDICT_STATUSES = ['PASS', 'FAIL', 'GRAY', 'PROCESSING_FAILED', 'DISABLED'] as const;
export type VerdictStatus = (typeof VERDICT_STATUSES)[number];

export const VERDICT_NAMES = ['spam', 'virus', 'spf', 'dkim', 'dmarc'] as const;
export type VerdictName = (typeof VERDICT_NAMES)[number];
export type SesVerdicts = Partial<Record<VerdictName, VerdictStatus>>;

/** SES's header block sits on top of the mail; more than this is not read. */
const HEADER_LIMIT = 65_536;

export function isVerdictStatus(value: unknown): value is VerdictStatus {
  return typeof value === 'string' && (VERDICT_STATUSES as readonly string[]).includes(value);
}

/** The verdicts whose FAIL quarantines a mail, in the order they are told: virus first. */
export const QUARANTINE_VERDICTS = ['virus', 'spam'] as const satisfies readonly VerdictName[];
export type QuarantineVerdict = (typeof QUARANTINE_VERDICTS)[number];

/** The verdict that quarantines a mail (a spam or virus FAIL), if any. */
export function quarantineVerdict(verdicts: SesVerdicts): QuarantineVerdict | undefined {
  return QUARANTINE_VERDICTS.find((name) => verdicts[name] === 'FAIL');
}

/** The event's verdicts, completed by those SES wrote into the raw bounce's headers. */
export function completeVerdicts(fromEvent: SesVerdicts, rawBounce: Uint8Array): SesVerdicts {
  return { ...verdictsFromHeaders(rawBounce), ...fromEvent };
}

/**
 * Reads `X-SES-Spam-Verdict`, `X-SES-Virus-Verdict`, and SES's own `Authentication-Results`
 * (authserv-id amazonses.com). SES puts its headers first, so the first occurrence is SES's, not
 * one the sender wrote.
 */
export function verdictsFromHeaders(rawBounce: Uint8Array): SesVerdicts {
  const headers = mailHead(rawBounce, HEADER_LIMIT);
  const verdicts: SesVerdicts = {};
  const spam = headers.get('x-ses-spam-verdict').toUpperCase();
  const virus = headers.get('x-ses-virus-verdict').toUpperCase();
  if (isVerdictStatus(spam)) verdicts.spam = spam;
  if (isVerdictStatus(virus)) verdicts.virus = virus;
  const results = headers
    .all('authentication-results')
    .find((value) => /^\s*amazonses\.com\s*;/i.test(value));
  for (const name of ['spf', 'dkim', 'dmarc'] as const) {
    const match = results ? new RegExp(`\\b${name}=([a-z]+)`, 'i').exec(results) : null;
    const status = match?.[1] ? authStatus(match[1]) : undefined;
    if (status) verdicts[name] = status;
  }
  return verdicts;
}

function authStatus(result: string): VerdictStatus | undefined {
  switch (result.toLowerCase()) {
    case 'pass':
      return 'PASS';
    case 'fail':
    case 'softfail':
      return 'FAIL';
    case 'none':
    case 'neutral':
      return 'GRAY';
    case 'temperror':
    case 'permerror':
      return 'PROCESSING_FAILED';
    default:
      return undefined;
  }
}
