// Errors of reading what SES hands the bounce handler.

/** The invocation event is not an SES receipt event the handler can act on; `field` names the path. */
export class SesEventError extends Error {
  override readonly name = 'SesEventError';
  readonly field: string;

  constructor(field: string, message: string, options?: { cause?: unknown }) {
    super(`SES event ${field}: ${message}`, options);
    this.field = field;
  }
}
