// Reads typed settings from the CDK context (cdk.json and `-c key=value`). Settings are grouped in
// cdk.json ({"ticketApi": {"url": …}}) and named with dots ("ticketApi.url"); `-c ticketApi.url=…` wins
// over the grouped value. The keys, their defaults and ranges are the contract's (DEPLOY_KEYS); every
// error names the key and says what is expected.
import {
  type BooleanKey,
  DEPLOY_KEYS,
  type DeployKey,
  type IntegerKey,
  type TextKey,
} from '../../lambda/contracts/deployment.ts';
import { ConfigError } from '../../lambda/contracts/errors.ts';
import { ADDRESS, quoted, SECRET_NAME } from '../../lambda/contracts/values.ts';

/** A cdk.json key is missing or wrong: the contract's one error, naming the key as cdk.json's. */
export function contextError(key: DeployKey, message: string): ConfigError {
  return new ConfigError(key, message, { source: 'cdk.json' });
}

/** Looks up one context key, as `App.node.tryGetContext` does. */
export type ContextLookup = (key: string) => unknown;

export class ContextReader {
  constructor(private readonly lookup: ContextLookup) {}

  /** The raw value at a dotted key: a `-c` override of the whole key first, then the cdk.json group. */
  raw(key: DeployKey): unknown {
    const direct = this.lookup(key);
    if (direct !== undefined) return direct;
    const [group, ...rest] = key.split('.');
    if (group === undefined || rest.length === 0) return undefined;
    let value: unknown = this.lookup(group);
    for (const part of rest) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
      value = (value as Record<string, unknown>)[part];
    }
    return value;
  }

  has(key: DeployKey): boolean {
    const value = this.raw(key);
    return value !== undefined && value !== null && value !== '';
  }

  optionalString(key: DeployKey): string | undefined {
    const value = this.raw(key);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw contextError(key, `must be a string, not ${quoted(value)}`);
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }

  string(key: DeployKey, what: string): string {
    const value = this.optionalString(key);
    if (value === undefined) throw contextError(key, `is required: ${what}`);
    return value;
  }

  oneOf<T extends string>(key: DeployKey, choices: readonly T[], fallback: T): T {
    const value = this.optionalString(key) ?? fallback;
    if ((choices as readonly string[]).includes(value)) return value as T;
    throw contextError(key, `must be one of ${choices.join(', ')}, not "${value}"`);
  }

  /** One of `choices`, the contract's default when unset. */
  text<T extends string>(key: TextKey, choices: readonly T[]): T {
    return this.oneOf(key, choices, DEPLOY_KEYS[key].default as T);
  }

  /** A whole number in the contract's range; `-c` gives strings, so "5" reads as 5. */
  integer(key: IntegerKey): number {
    const { default: fallback, ...range } = DEPLOY_KEYS[key];
    const value = this.raw(key);
    if (value === undefined || value === null || value === '') return fallback;
    const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < range.min || number > range.max) {
      throw contextError(
        key,
        `must be a whole number from ${range.min} to ${range.max}, not ${quoted(value)}`,
      );
    }
    return number;
  }

  boolean(key: BooleanKey): boolean {
    const fallback = DEPLOY_KEYS[key].default;
    const value = this.raw(key);
    if (value === undefined || value === null || value === '') return fallback;
    if (value === true || value === 'true') return true;
    if (value === false || value === 'false') return false;
    throw contextError(key, `must be true or false, not ${quoted(value)}`);
  }

  /** A list: a JSON array in cdk.json, or a comma-separated string (or JSON array) from `-c`. */
  list(key: DeployKey): string[] {
    const value = this.raw(key);
    if (value === undefined || value === null || value === '') return [];
    const items = typeof value === 'string' ? parseListString(value) : value;
    if (!Array.isArray(items) || !items.every((item) => typeof item === 'string')) {
      throw contextError(key, `must be a list of strings, not ${quoted(value)}`);
    }
    return items.map((item) => item.trim()).filter((item) => item !== '');
  }

  /** An absolute https URL. */
  httpsUrl(key: DeployKey, what: string): string {
    return checkHttpsUrl(key, this.string(key, what));
  }

  /** A Secrets Manager secret name (of this account and region): only the name goes into the template. */
  secretName(key: DeployKey, what: string): string {
    const value = this.string(key, what);
    if (!SECRET_NAME.test(value))
      throw contextError(
        key,
        `must be the name of a Secrets Manager secret (letters, digits, /_+=.@-; not an ARN), not "${value}"`,
      );
    return value;
  }

  /** A list of e-mail addresses. */
  addresses(key: DeployKey): string[] {
    const list = this.list(key);
    for (const address of list) {
      if (!ADDRESS.test(address)) throw contextError(key, `"${address}" is not an e-mail address`);
    }
    return list;
  }

  optionalHttpsUrl(key: DeployKey): string | undefined {
    const value = this.optionalString(key);
    return value === undefined ? undefined : checkHttpsUrl(key, value);
  }
}

function parseListString(value: string): unknown {
  const trimmed = value.trim();
  if (trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return value;
    }
  }
  return trimmed.split(',');
}

function checkHttpsUrl(key: DeployKey, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw contextError(key, `must be an https URL, not "${value}"`);
  }
  if (url.protocol !== 'https:') throw contextError(key, `must be an https URL, not "${value}"`);
  return value;
}
