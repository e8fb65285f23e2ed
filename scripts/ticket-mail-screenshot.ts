// The pictures in docs/ticket.md of the `mail` ticket system: runs one sample bounce through the local
// run (`run-local --ticket mail`), prints the header block of the mail it wrote, and takes a screenshot
// of its HTML part in headless Chromium (network off) into docs/ticket-mail.png.
// Usage: npx tsx scripts/ticket-mail-screenshot.ts [BOUNCE.eml]
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { simpleParser } from 'mailparser';
import { LOCAL_VIEWER_BASE_URL, runLocal } from '../bin/cli/run-local.ts';
import { launchChromium } from '../test/helpers/browser.ts';

const ROOT = resolve(import.meta.dirname, '..');
const bounce = process.argv[2] ?? join(ROOT, 'examples', 'bounces', 'lhost-postfix-63.eml');
const picture = join(ROOT, 'docs', 'ticket-mail.png');

const folder = await mkdtemp(join(tmpdir(), 'bounce-doctor-shot-'));
try {
  const quiet = new PassThrough().resume();
  const code = await runLocal({
    paths: [bounce],
    keep: folder,
    ticket: 'mail',
    viewerBaseUrl: LOCAL_VIEWER_BASE_URL,
    out: quiet,
    err: process.stderr,
  });
  const [file] = await readdir(join(folder, 'mail'));
  if (code !== 0 || !file) throw new Error(`the local run wrote no ticket mail for ${bounce}`);
  const raw = await readFile(join(folder, 'mail', file));
  const text = raw.toString('utf8');
  process.stdout.write(`${text.slice(0, text.indexOf('\r\n\r\n')).replace(/\r\n/g, '\n')}\n`);

  const mail = await simpleParser(raw);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 600 }, deviceScaleFactor: 1 });
    await page.route('**/*', (route) => route.abort());
    await page.setContent(mail.html || '', { waitUntil: 'load' });
    await page.screenshot({ path: picture, fullPage: true });
  } finally {
    await browser.close();
  }
  process.stderr.write(`screenshot of the HTML part: ${picture}\n`);
} finally {
  await rm(folder, { recursive: true, force: true });
}
