// `npm run limits [-- --json]`: the bounce Lambda's limits — a 40 MB mail (SES's maximum) decoded in a
// fresh process (time, peak memory; the bound is 512 MB), the handler's bundle as CDK's NodejsFunction
// makes it (bytes, zipped, largest parts) and its cold start (importing the bundle in fresh processes).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleBounceHandler, ROOT } from './limits/bundle.ts';
import { measureColdStart } from './limits/cold-start.ts';
import { measureFortyMegabytes, measureHandlerFortyMegabytes } from './limits/decode-limit.ts';

const { values } = parseArgs({ options: { json: { type: 'boolean' } } });
const outdir = join(ROOT, '.limits');
const decode = measureFortyMegabytes(outdir);
const handler = measureHandlerFortyMegabytes(outdir);
const bundles = [];
for (const format of ['cjs', 'esm'] as const) {
  const bundle = await bundleBounceHandler(format, outdir);
  bundles.push({ ...bundle, coldStart: measureColdStart(bundle.file) });
}
if (values.json) {
  console.log(JSON.stringify({ decode, handler, bundles }));
} else {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  console.log(
    `40 MB mail (${decode.bytes} bytes, SES's maximum): decoded in ${decode.ms.toFixed(0)} ms, peak RSS ` +
      `${decode.peakRssMb.toFixed(0)} MB (bound 512 MB; the fresh process held ${decode.rssBeforeMb.toFixed(0)} MB ` +
      `before reading the mail); ${decode.kind}, ${decode.recipients} recipient(s), original ${mb(decode.originalBytes)}`,
  );
  console.log(
    `the same mail through the whole handler (S3 read, decode, original stored, ticket; local servers in another ` +
      `process): ${handler.ms.toFixed(0)} ms, peak RSS ${handler.peakRssMb.toFixed(0)} MB ` +
      `(${handler.rssBeforeMb.toFixed(0)} MB before the invocation); ${handler.action}`,
  );
  for (const b of bundles) {
    console.log(
      `bundle ${b.format} (${b.file}): ${kb(b.bytes)}, ${kb(b.zippedBytes)} zipped; largest: ` +
        b.largest.map((p) => `${p.name} ${kb(p.bytes)}`).join(', '),
    );
    console.log(
      `  cold start (${b.coldStart.runs} fresh processes): import ${b.coldStart.importMs.median.toFixed(0)} ms median, ` +
        `${b.coldStart.importMs.max.toFixed(0)} ms max (of which the external @aws-sdk packages alone: ` +
        `${b.coldStart.sdkOnlyImportMs.median.toFixed(0)} ms median); whole process ${b.coldStart.processMs.median.toFixed(0)} ms median`,
    );
  }
}
