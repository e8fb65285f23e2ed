// Where the handler records which bounces it has handled (Powertools idempotency): a DynamoDB table in
// the Lambda and the replay command, or memory for a local run. Table: partition key `id` (String),
// TTL attribute `expiration`.

import {
  IdempotencyItemAlreadyExistsError,
  IdempotencyItemNotFoundError,
  IdempotencyRecordStatus,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { BasePersistenceLayer, type IdempotencyRecord } from '@aws-lambda-powertools/idempotency/persistence';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export function dynamoIdempotencyStore(tableName: string, client: DynamoDBClient): BasePersistenceLayer {
  return new DynamoDBPersistenceLayer({ tableName, awsSdkV3Client: client });
}

/** The same conditions as the DynamoDB layer, in one process's memory (for `npm start`). */
export class MemoryIdempotencyStore extends BasePersistenceLayer {
  readonly #records = new Map<string, IdempotencyRecord>();

  protected async _getRecord(idempotencyKey: string): Promise<IdempotencyRecord> {
    const record = this.#records.get(idempotencyKey);
    if (!record) throw new IdempotencyItemNotFoundError();
    return record;
  }

  protected async _putRecord(record: IdempotencyRecord): Promise<void> {
    const existing = this.#records.get(record.idempotencyKey);
    if (existing && !canReplace(existing)) {
      throw new IdempotencyItemAlreadyExistsError(
        `Failed to put record for already existing idempotency key: ${record.idempotencyKey}`,
        existing,
      );
    }
    this.#records.set(record.idempotencyKey, record);
  }

  protected async _updateRecord(record: IdempotencyRecord): Promise<void> {
    this.#records.set(record.idempotencyKey, record);
  }

  protected async _deleteRecord(record: IdempotencyRecord): Promise<void> {
    this.#records.delete(record.idempotencyKey);
  }
}

function canReplace(record: IdempotencyRecord): boolean {
  const now = Date.now();
  if (record.expiryTimestamp !== undefined && record.expiryTimestamp < now / 1000) return true;
  return (
    record.getStatus() === IdempotencyRecordStatus.INPROGRESS &&
    record.inProgressExpiryTimestamp !== undefined &&
    record.inProgressExpiryTimestamp < now
  );
}
