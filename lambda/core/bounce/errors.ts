// Errors of the bounce handler's pure side: its configuration and the event it is given.

/** A setting is missing or wrong; `setting` names the environment variable (or CLI option). */
export class BounceConfigError extends Error {
  override readonly name = 'BounceConfigError';
  readonly setting: string;

  constructor(setting: string, message: string, options?: { cause?: unknown }) {
    super(`${setting}: ${message}`, options);
    this.setting = setting;
  }
}

/** The invocation event is not an SES receipt event the handler can act on; `field` names the path. */
export class SesEventError extends Error {
  override readonly name = 'SesEventError';
  readonly field: string;

  constructor(field: string, message: string, options?: { cause?: unknown }) {
    super(`SES event ${field}: ${message}`, options);
    this.field = field;
  }
}

/** A message from the failure queue that is not a Lambda on-failure record. */
export class FailureRecordError extends Error {
  override readonly name = 'FailureRecordError';
}

/** The VERP signing key is too short to be one (at least 32 bytes). */
export class VerpKeyError extends Error {
  override readonly name = 'VerpKeyError';
}
