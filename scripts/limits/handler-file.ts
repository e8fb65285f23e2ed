// Child process of `npm run limits`: one mail file through the whole bounce handler in this fresh
// process (read from S3, decode, store the original, post the ticket), against the storm's local world
// without faults. Prints {"bytes", "ms", "rssBeforeMb", "peakRssMb", "action"} as one JSON line: the
// memory a Lambda needs for that mail.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { localLambdaContext } from '../../lambda/adapters/local-context.ts';
import { localClients, startWorld, worldHandler } from '../storm/world-client.ts';
import { WORLD_BUCKET } from '../storm/world-settings.ts';
import { ROOT } from './bundle.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: handler-file.ts MAIL_FILE');
  process.exit(2);
}
const world = await startWorld({
  ratePerSecond: 1000,
  retryAfterSeconds: 1,
  failRate: 0,
  hangRate: 0,
  seed: 1,
});
const clients = localClients(world.endpoints);
try {
  const bytes = statSync(file).size;
  // Streamed, so that storing it costs this process no copy of the mail.
  await clients.s3.send(
    new PutObjectCommand({
      Bucket: WORLD_BUCKET,
      Key: 'incoming/limit0001',
      Body: createReadStream(file),
      ContentLength: bytes,
    }),
  );
  const handler = worldHandler(world.endpoints, clients, { ticketTimeoutMs: 30_000 });
  const event = JSON.parse(
    readFileSync(join(ROOT, 'test', 'fixtures', 'events', 'ses-receipt.json'), 'utf8'),
  );
  event.Records[0].ses.mail.messageId = 'limit0001';
  const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
  const started = performance.now();
  const outcome = await handler(event, localLambdaContext('bounce-doctor-limits', 90_000));
  const ms = performance.now() - started;
  console.log(
    JSON.stringify({
      bytes,
      ms,
      rssBeforeMb,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      action: outcome.action,
    }),
  );
} finally {
  clients.s3.destroy();
  clients.dynamodb.destroy();
  await world.stop();
}
