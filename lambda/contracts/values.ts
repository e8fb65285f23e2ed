// What a setting's value may be, written once for the CDK app, the Lambdas and the CLI: domain names,
// mail addresses, host names, secret names, and the readers of one environment variable each (a blank
// value is unset, everywhere). Each refusal is a ConfigError that names the setting.
import { ConfigError, type ConfigErrorOptions } from './errors.ts';

/** An environment, as `process.env` or a test's map. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * A domain name: two labels or more of letters, digits and hyphens, under a top-level domain of letters
 * or an IDNA A-label (`xn--p1ai`, Russia's .рф). A single label (`localhost`) is no one's domain to vouch
 * for and no domain SES receives mail for; a numeric top level is an IP address.
 */
export const DOMAIN =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i;

/** A mail address of such a domain; the local part without spaces, angle brackets or quotes. */
export const ADDRESS = new RegExp(`^[^@\\s<>"]+@${DOMAIN.source.slice(1)}`, 'i');

/** A host to connect to: a host name of any number of labels, or an IPv4 address. */
export const HOST =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** An address for the probe's MAIL FROM / RCPT TO: a plain ASCII mailbox, nothing that could break the command. */
export const MAILBOX =
  /^(?=.{3,254}$)[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** A Secrets Manager secret's name (of this account and region), not an ARN. */
export const SECRET_NAME = /^[\w/+=.@-]{1,512}$/;

/** A value quoted for an error message: control characters escaped, so a terminal shows them as text. */
export function quoted(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** The value, trimmed; undefined when unset or blank. */
export function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

export function required(env: Env, name: string): string {
  const value = optional(env, name);
  if (value === undefined) throw new ConfigError(name, 'is required');
  return value;
}

/** A positive number (`integer`: a whole one), at most `max`; blank or unset: the fallback. */
export function positiveNumber(
  name: string,
  value: string | undefined,
  fallback: number,
  options: { integer?: boolean; max?: number } = {},
): number {
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || (options.integer && !Number.isInteger(number))) {
    const what = options.integer ? 'a positive whole number' : 'a positive number';
    throw new ConfigError(name, `must be ${what}, not ${quoted(value)}`);
  }
  if (options.max !== undefined && number > options.max) {
    throw new ConfigError(name, `${quoted(value)} is too large: at most ${options.max}`);
  }
  return number;
}

/** `true` or `false` in any case; blank or unset: the fallback. */
export function booleanValue(name: string, value: string | undefined, fallback: boolean): boolean {
  const text = value?.trim().toLowerCase();
  if (!text) return fallback;
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw new ConfigError(name, `must be true or false, not ${quoted(value)}`);
}

/** One of `choices`, compared in lower case when `anyCase`; blank or unset: the fallback. */
export function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  choices: readonly T[],
  fallback: T,
  options: { anyCase?: boolean } = {},
): T {
  const trimmed = value?.trim() || fallback;
  const text = options.anyCase ? trimmed.toLowerCase() : trimmed;
  if ((choices as readonly string[]).includes(text)) return text as T;
  throw new ConfigError(name, `must be one of ${choices.join(', ')}, not ${quoted(value)}`);
}

/** An absolute http(s) URL, as given. */
export function httpUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw new ConfigError(name, `not a URL: ${quoted(value)}`, { cause: error });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(name, `must be an http(s) URL, not ${quoted(value)}`);
  }
  return value;
}

/** A comma list, each item trimmed, empty items dropped. */
export function commaList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A domain name as a setting gives it: lower-cased, a leading `@` or `.` and a trailing dot dropped. */
export function domainName(name: string, value: string, options?: ConfigErrorOptions): string {
  const domain = value.trim().toLowerCase().replace(/^[@.]/, '').replace(/\.$/, '');
  if (!DOMAIN.test(domain)) {
    throw new ConfigError(name, `${quoted(domain)} is not a domain name (e.g. example.com)`, options);
  }
  return domain;
}

/** A comma list of domain names (see domainName). */
export function domainList(name: string, value: string | undefined): readonly string[] {
  return commaList(value).map((domain) => domainName(name, domain));
}

export function mailAddress(name: string, value: string, options?: ConfigErrorOptions): string {
  if (!ADDRESS.test(value)) {
    throw new ConfigError(name, `must be an e-mail address, not ${quoted(value)}`, options);
  }
  return value;
}
