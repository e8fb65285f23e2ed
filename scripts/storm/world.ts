// The storm's outside world, in a process of its own so that its CPU and memory are not the handler's:
// s3rver (S3), dynalite (DynamoDB), a Secrets Manager stand-in and the faulty ticket API, all on
// loopback. Prints one JSON line with the endpoints; GET <control>/stats answers the ticket API's
// figures. Ends when its standard input closes (the storm ended or died) or on SIGTERM.
import { once } from 'node:events';
import { createServer } from 'node:http';
import { startFakeAws } from '../../test/helpers/fake-aws.ts';
import { startDynamo, startS3 } from '../../test/helpers/local-aws.ts';
import { type FaultyApiOptions, startFaultyTicketApi } from './faulty-ticket-api.ts';
import { WORLD_BUCKET, WORLD_SECRETS, WORLD_TABLE, type WorldEndpoints } from './world-settings.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as FaultyApiOptions;
const [s3, dynamo, aws, api] = await Promise.all([
  startS3([WORLD_BUCKET]),
  startDynamo(WORLD_TABLE),
  startFakeAws(),
  startFaultyTicketApi(options),
]);
aws.secrets.set(WORLD_SECRETS.token, 'tkn_storm');
aws.secrets.set(WORLD_SECRETS.linkKey, 'storm-link-key-0123456789-0123456789-01');
const control = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(api.stats()));
});
control.listen(0, '127.0.0.1');
await once(control, 'listening');
const { port } = control.address() as { port: number };
const endpoints: WorldEndpoints = {
  s3: s3.endpoint,
  dynamodb: dynamo.endpoint,
  secretsManager: aws.endpoint,
  ticketApi: api.url,
  control: `http://127.0.0.1:${port}`,
};
process.stdout.write(`${JSON.stringify(endpoints)}\n`);

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  control.closeAllConnections();
  control.close();
  await Promise.allSettled([s3.close(), dynamo.close(), aws.close(), api.close()]);
  process.exit(0);
}
process.stdin.on('end', shutdown);
process.stdin.on('close', shutdown);
process.stdin.resume();
process.on('SIGTERM', shutdown);
