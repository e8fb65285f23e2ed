// Errors of handling a bounce again from what a failed run left.

/** A message from the failure queue that is not a Lambda on-failure record. */
export class FailureRecordError extends Error {
  override readonly name = 'FailureRecordError';
}
