// Errors of the mail stores (S3, local files): the mail is not there, or it is too large to read.

export class MailStoreError extends Error {
  override readonly name: string = 'MailStoreError';
  /** Where the mail was looked for: s3://bucket/key or a file path. */
  readonly location: string;

  constructor(location: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.location = location;
  }
}

/**
 * No stored mail at the location. In S3 without s3:ListBucket (the handler's role has none) a missing
 * key answers AccessDenied, so that reads as missing too; the message says both.
 */
export class IncomingMailNotFoundError extends MailStoreError {
  override readonly name: string = 'IncomingMailNotFoundError';

  constructor(location: string, options?: { cause?: unknown; accessDenied?: boolean }) {
    super(
      location,
      options?.accessDenied
        ? `the raw mail is not at ${location}, or the role may not read it (AccessDenied); check the receipt rule's S3 action and INCOMING_PREFIX`
        : `the raw mail is not at ${location}; check the receipt rule's S3 action and INCOMING_PREFIX`,
      options,
    );
  }
}

export class MailTooLargeError extends MailStoreError {
  override readonly name: string = 'MailTooLargeError';
  readonly bytes: number;
  readonly limit: number;

  constructor(location: string, bytes: number, limit: number) {
    super(
      location,
      `the mail at ${location} has ${bytes} bytes or more; more than ${limit} (40 MB, SES's limit) is refused`,
    );
    this.bytes = bytes;
    this.limit = limit;
  }
}
