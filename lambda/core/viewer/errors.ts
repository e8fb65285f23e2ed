// Errors of the viewer's pure side.

/** A setting is missing or wrong; `setting` names the environment variable. */
export class ViewerConfigError extends Error {
  override readonly name = 'ViewerConfigError';
  readonly setting: string;

  constructor(setting: string, message: string, options?: { cause?: unknown }) {
    super(`${setting}: ${message}`, options);
    this.setting = setting;
  }
}
