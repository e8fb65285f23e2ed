// Reads typed settings from the CDK context (cdk.json and `-c key=value`). Settings are grouped in
// cdk.json ({"ticketApi": {"url": …}}) and named with dots ("ticketApi.url"); `-c ticketApi.url=…` wins
// over the grouped value. Every error names the key and says what is expected.

/** A configuration value is missing or wrong; `key` is the dotted context key. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly key: string;

  constructor(key: string, message: string) {
    super(`cdk.json context "${key}": ${message}`);
    this.key = key;
  }
}

/** Looks up one context key, as `App.node.tryGetContext` does. */
export type ContextLookup = (key: string) => unknown;

export const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
export const ADDRESS = /^[^@\s]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const SECRET = /^[\w/+=.@-]{1,512}$/;

export class ContextReader {
  constructor(private readonly lookup: ContextLookup) {}

  /** The raw value at a dotted key: a `-c` override of the whole key first, then the cdk.json group. */
  raw(key: string): unknown {
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

  has(key: string): boolean {
    const value = this.raw(key);
    return value !== undefined && value !== null && value !== '';
  }

  optionalString(key: string): string | undefined {
    const value = this.raw(key);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string')
      throw new ConfigError(key, `must be a string, not ${JSON.stringify(value)}`);
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }

  string(key: string, what: string): string {
    const value = this.optionalString(key);
    if (value === undefined) throw new ConfigError(key, `is required: ${what}`);
    return value;
  }

  oneOf<T extends string>(key: string, choices: readonly T[], fallback: T): T {
    const value = this.optionalString(key) ?? fallback;
    if ((choices as readonly string[]).includes(value)) return value as T;
    throw new ConfigError(key, `must be one of ${choices.join(', ')}, not "${value}"`);
  }

  /** A whole number in [min, max]; `-c` gives strings, so "5" reads as 5. */
  integer(key: string, fallback: number, range: { min: number; max: number }): number {
    const value = this.raw(key);
    if (value === undefined || value === null || value === '') return fallback;
    const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < range.min || number > range.max) {
      throw new ConfigError(
        key,
        `must be a whole number from ${range.min} to ${range.max}, not ${JSON.stringify(value)}`,
      );
    }
    return number;
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.raw(key);
    if (value === undefined || value === null || value === '') return fallback;
    if (value === true || value === 'true') return true;
    if (value === false || value === 'false') return false;
    throw new ConfigError(key, `must be true or false, not ${JSON.stringify(value)}`);
  }

  /** A list: a JSON array in cdk.json, or a comma-separated string (or JSON array) from `-c`. */
  list(key: string): string[] {
    const value = this.raw(key);
    if (value === undefined || value === null || value === '') return [];
    const items = typeof value === 'string' ? parseListString(value) : value;
    if (!Array.isArray(items) || !items.every((item) => typeof item === 'string')) {
      throw new ConfigError(key, `must be a list of strings, not ${JSON.stringify(value)}`);
    }
    return items.map((item) => item.trim()).filter((item) => item !== '');
  }

  /** An absolute https URL. */
  httpsUrl(key: string, what: string): string {
    return checkHttpsUrl(key, this.string(key, what));
  }

  /** A Secrets Manager secret name (of this account and region): only the name goes into the template. */
  secretName(key: string, what: string): string {
    const value = this.string(key, what);
    if (!SECRET.test(value))
      throw new ConfigError(
        key,
        `must be the name of a Secrets Manager secret (letters, digits, /_+=.@-; not an ARN), not "${value}"`,
      );
    return value;
  }

  /** A list of e-mail addresses. */
  addresses(key: string): string[] {
    const list = this.list(key);
    for (const address of list) {
      if (!ADDRESS.test(address)) throw new ConfigError(key, `"${address}" is not an e-mail address`);
    }
    return list;
  }

  optionalHttpsUrl(key: string): string | undefined {
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

function checkHttpsUrl(key: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(key, `must be an https URL, not "${value}"`);
  }
  if (url.protocol !== 'https:') throw new ConfigError(key, `must be an https URL, not "${value}"`);
  return value;
}
