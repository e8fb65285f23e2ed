// A Lambda context for runs outside Lambda (the replay command, `npm start`, tests). The idempotency
// records read its remaining time: a run that dies leaves its record "in progress" only that long.
import type { Context } from 'aws-lambda';

export function localLambdaContext(functionName = 'bounce-doctor-local', budgetMs = 5 * 60_000): Context {
  const deadline = Date.now() + budgetMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: `local-${deadline}`,
    logGroupName: `/local/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
