// Child process of `npm run bench`: decodes one generated hostile input in a fresh process and prints
// {"name", "megabytes", "ms", "peakRssMb", "kind", "recipients"} as one JSON line.
import { decodeMailbox } from '../lambda/core/decode.ts';
import {
  bounceAtSesLimit,
  bounceWithHugeAttachment,
  bounceWithHugeHeader,
  bounceWithManyRecipients,
} from './adversarial.ts';

const INPUTS: Record<string, () => Buffer> = {
  'bounce with a 30 MB base64 attachment': () => bounceWithHugeAttachment(30),
  'bounce of 40 MB (the most SES delivers)': () => bounceAtSesLimit(),
  'bounce with a 1 MB single-line header': () => bounceWithHugeHeader(1),
  'DSN with 10,000 recipients': () => bounceWithManyRecipients(10_000),
};

const name = process.argv[2] ?? '';
const make = INPUTS[name];
if (!make) {
  console.error(`bench-adversarial: unknown input "${name}"; one of: ${Object.keys(INPUTS).join(', ')}`);
  process.exit(2);
}
const input = make();
const started = performance.now();
const [report] = await decodeMailbox(input);
const ms = performance.now() - started;
console.log(
  JSON.stringify({
    name,
    megabytes: input.length / 1e6,
    ms,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    kind: report?.kind,
    recipients: report?.recipients.length,
  }),
);
