// The hourly ticket budget's counter: one small item per UTC hour in the idempotency table (partition
// key `id`, TTL attribute `expiration`: gone two days after its hour). Each ticket about to be posted
// adds one (an atomic ADD, so concurrent handlers never both get the last one); the first bounce past
// the budget claims the hour's summary ticket with a conditional write, and gives the claim back if
// the summary could not be posted, so the next one tries.
import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { budgetHour } from '../core/ticketing/ticket-budget.ts';

export type BudgetDecision = { granted: true } | { granted: false; hour: string; budget: number };

export interface TicketBudget {
  /** Takes one ticket from the hour's budget, or says it is used up. */
  take(now: Date): Promise<BudgetDecision>;
  /** Whether this caller is the one to post the hour's summary ticket (once per hour). */
  claimSummary(hour: string): Promise<boolean>;
  /** The summary could not be posted: the next bounce past the budget tries again. */
  releaseSummary(hour: string): Promise<void>;
}

const KEY_PREFIX = 'bounce-doctor.ticket-budget#';
/** Kept two days past its hour, then DynamoDB's TTL removes it. */
const KEEP_SECONDS = 2 * 86_400;

export class DynamoTicketBudget implements TicketBudget {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly table: string,
    readonly perHour: number,
  ) {}

  async take(now: Date): Promise<BudgetDecision> {
    const hour = budgetHour(now);
    const output = await this.client.send(
      new UpdateItemCommand({
        TableName: this.table,
        Key: { id: { S: `${KEY_PREFIX}${hour}` } },
        UpdateExpression: 'ADD tickets :one SET expiration = if_not_exists(expiration, :expiration)',
        ExpressionAttributeValues: {
          ':one': { N: '1' },
          ':expiration': {
            N: String(Math.floor(new Date(`${hour}:00:00Z`).getTime() / 1000) + KEEP_SECONDS),
          },
        },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const tickets = Number(output.Attributes?.tickets?.N ?? '0');
    return tickets <= this.perHour ? { granted: true } : { granted: false, hour, budget: this.perHour };
  }

  async claimSummary(hour: string): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: { id: { S: `${KEY_PREFIX}${hour}` } },
          UpdateExpression: 'SET summary = :claimed',
          ConditionExpression: 'attribute_not_exists(summary)',
          ExpressionAttributeValues: { ':claimed': { BOOL: true } },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async releaseSummary(hour: string): Promise<void> {
    await this.client.send(
      new UpdateItemCommand({
        TableName: this.table,
        Key: { id: { S: `${KEY_PREFIX}${hour}` } },
        UpdateExpression: 'REMOVE summary',
      }),
    );
  }
}
