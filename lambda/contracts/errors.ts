// The one error of the settings: an environment variable, a cdk.json key or a command-line option is
// missing or wrong. Every reader (the three Lambdas', the CDK app's, the CLI's) throws it.

export interface ConfigErrorOptions {
  cause?: unknown;
  /** `cdk.json`: the setting is a key of the CDK context, and the message says so. */
  source?: 'cdk.json';
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** The setting at fault: `TICKET_API_URL`, `ticketApi.url`, `--port`. */
  readonly setting: string;
  readonly source?: 'cdk.json';

  constructor(setting: string, message: string, options: ConfigErrorOptions = {}) {
    const named = options.source === 'cdk.json' ? `cdk.json context "${setting}"` : setting;
    super(`${named}: ${message}`, options.cause === undefined ? {} : { cause: options.cause });
    this.setting = setting;
    if (options.source) this.source = options.source;
  }
}
