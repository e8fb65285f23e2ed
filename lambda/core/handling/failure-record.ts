// The record a Lambda asynchronous invocation leaves in its on-failure destination (SQS) once the
// retries are spent: it holds the original event, so the failed bounce can run again.
import { FailureRecordError } from './errors.ts';

export interface FailureRecord {
  /** The event the function was invoked with (`requestPayload`). */
  event: unknown;
  /** e.g. RetriesExhausted, EventAgeExceeded. */
  condition?: string;
  errorType?: string;
  errorMessage?: string;
}

export function readFailureRecord(body: string): FailureRecord {
  let record: unknown;
  try {
    record = JSON.parse(body);
  } catch (error) {
    throw new FailureRecordError('the message body is not JSON', { cause: error });
  }
  if (typeof record !== 'object' || record === null || !('requestPayload' in record)) {
    throw new FailureRecordError('the message is not a Lambda on-failure record (no requestPayload)');
  }
  const { requestPayload, requestContext, responsePayload } = record as Record<string, unknown>;
  const condition = text(requestContext, 'condition');
  const errorType = text(responsePayload, 'errorType');
  const errorMessage = text(responsePayload, 'errorMessage');
  return {
    event: requestPayload,
    ...(condition ? { condition } : {}),
    ...(errorType ? { errorType } : {}),
    ...(errorMessage ? { errorMessage } : {}),
  };
}

function text(value: unknown, name: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[name];
  return typeof field === 'string' ? field : undefined;
}
