// Errors of the ticket API clients: one class per failure a caller handles differently.

/** Any failure to create a ticket; `attempts` says how many requests were made. */
export class TicketApiError extends Error {
  override readonly name: string = 'TicketApiError';
  readonly attempts: number;

  constructor(message: string, options: { attempts: number; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.attempts = options.attempts;
  }
}

/** The API answered with an error status; `apiMessage` is what its body said, `responseBody` the body. */
export class TicketApiHttpError extends TicketApiError {
  override readonly name: string = 'TicketApiHttpError';
  readonly status: number;
  readonly apiMessage: string;
  readonly responseBody: string;

  constructor(
    status: number,
    apiMessage: string,
    responseBody: string,
    options: { attempts: number; message?: string },
  ) {
    super(
      options.message ??
        `the ticket API answered ${status}${apiMessage ? `: ${apiMessage}` : ''} (after ${options.attempts} attempt${options.attempts === 1 ? '' : 's'})`,
      options,
    );
    this.status = status;
    this.apiMessage = apiMessage;
    this.responseBody = responseBody;
  }
}

/** 401 or 403: the token is wrong, expired or lacks the right; retrying cannot help. */
export class TicketApiAuthError extends TicketApiHttpError {
  override readonly name: string = 'TicketApiAuthError';

  constructor(
    status: number,
    apiMessage: string,
    responseBody: string,
    options: { attempts: number; secretId: string },
  ) {
    super(status, apiMessage, responseBody, {
      attempts: options.attempts,
      message:
        `the ticket API refused the token (${status}${apiMessage ? `: ${apiMessage}` : ''}): ` +
        `check the ticket API token in Secrets Manager (${options.secretId}) and its rights`,
    });
  }
}

/** No answer within the timeout. */
export class TicketApiTimeoutError extends TicketApiError {
  override readonly name: string = 'TicketApiTimeoutError';
  readonly timeoutMs: number;

  constructor(timeoutMs: number, options: { attempts: number; cause?: unknown }) {
    super(
      `the ticket API did not answer within ${timeoutMs} ms (after ${options.attempts} attempts)`,
      options,
    );
    this.timeoutMs = timeoutMs;
  }
}

/** The connection failed or broke (refused, reset, DNS); `code` is the system's error code. */
export class TicketApiNetworkError extends TicketApiError {
  override readonly name: string = 'TicketApiNetworkError';
  readonly code: string;

  constructor(code: string, detail: string, options: { attempts: number; cause?: unknown }) {
    super(`could not reach the ticket API: ${detail} (after ${options.attempts} attempts)`, options);
    this.code = code;
  }
}
