// Errors of the probe's configuration: one class, carrying the setting that is wrong.

export class ProbeConfigError extends Error {
  override readonly name = 'ProbeConfigError';
  /** The setting at fault: an environment variable or a CLI option. */
  readonly setting: string;

  constructor(setting: string, message: string, options?: { cause?: unknown }) {
    super(`${setting}: ${message}`, options);
    this.setting = setting;
  }
}
