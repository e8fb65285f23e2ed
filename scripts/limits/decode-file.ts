// Child process of `npm run limits` and the limits test: reads one mail file (as the handler gets it
// from S3, one Buffer) and decodes it in this fresh process; prints one JSON line with the time and the
// peak memory: {"bytes", "ms", "rssBeforeMb", "peakRssMb", "kind", "recipients", "originalBytes"}.
import { readFileSync } from 'node:fs';
import { decodeBounce } from '../../lambda/core/decode.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: decode-file.ts MAIL_FILE');
  process.exit(2);
}
const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
const raw = readFileSync(file);
const started = performance.now();
const report = await decodeBounce(raw);
const ms = performance.now() - started;
console.log(
  JSON.stringify({
    bytes: raw.length,
    ms,
    rssBeforeMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    kind: report.kind,
    recipients: report.recipients.length,
    originalBytes: report.original?.raw.length ?? 0,
  }),
);
