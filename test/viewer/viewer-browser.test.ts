// The viewer in headless Chromium (Debian's package via playwright-core), against the viewer's own
// handler on a loopback server reading s3rver: Japanese renders, a hostile original runs nothing and
// reaches nothing, an expired link says so, the download is named after the subject. One browser for
// the file. Leaves screenshots of two previews in test-artifacts/ (viewer-preview.png: ISO-2022-JP text
// mail with its diagnosis; viewer-preview-html.png: Shift_JIS mail with its HTML body and attachments).
import { once } from 'node:events';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LocalViewer, startLocalViewer } from '../../lambda/adapters/local-viewer-server.ts';
import { S3StoredMailReader } from '../../lambda/adapters/mail-store/s3-stored-mail-reader.ts';
import { linkExpiry, linkUrl, mintLinkToken } from '../../lambda/core/links/link-token.ts';
import type { StoredMailKind } from '../../lambda/core/links/stored-mail.ts';
import { html } from '../../lambda/core/viewer/html.ts';
import { pageDocument } from '../../lambda/core/viewer/page-layout.ts';
import { SECURITY_HEADERS } from '../../lambda/core/viewer/security-headers.ts';
import { createViewerFlow } from '../../lambda/wiring/viewer-flow.ts';
import { launchChromium } from '../helpers/browser.ts';
import { type LocalS3, startS3 } from '../helpers/local-aws.ts';
import { dsnAround, hostileOriginal, publishMails, viewerFixture } from '../helpers/viewer-mails.ts';

const BUCKET = 'bounce-mail';
const KEY = 'browser-test-link-key-0123456789-abcdefghij';
/** Run in the browser (as text: the project's types have no DOM). What a hostile script would set. */
const MARKER = 'window.__pwned ?? null';
/** Attributes that could run script or load something: event handlers, script URLs, the attacker's host. */
const LEFTOVERS = `[...document.querySelectorAll('*')].flatMap((element) => [...element.attributes]
  .filter((a) => /^on/i.test(a.name) || /^\\s*(javascript|data:text)/i.test(a.value) || /127\\.0\\.0\\.1/.test(a.value))
  .filter((a) => !(element.tagName === 'A' && a.name === 'title'))
  .map((a) => element.tagName + '.' + a.name))`;
const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');

let s3: LocalS3;
let client: S3Client;
let viewer: LocalViewer;
let browser: Browser | undefined;
let browserMissing: Error | undefined;
let evil: { server: Server; url: string; hits: string[] };

beforeAll(async () => {
  [s3, evil] = await Promise.all([startS3([BUCKET]), startEvilServer()]);
  browser = await launchChromium().catch((error: unknown) => {
    browserMissing = error as Error;
    return undefined;
  });
  client = new S3Client({
    endpoint: s3.endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  const iso = viewerFixture('iso-2022-jp-original.eml');
  const sjis = viewerFixture('shift-jis-original.eml');
  const hostile = hostileOriginal(evil.url);
  await Promise.all([
    publishMails(client, BUCKET, 'jp0001', {
      original: iso,
      rawBounce: dsnAround(iso),
      originalSubject: 'ご注文の確認（注文番号 1234）',
    }),
    publishMails(client, BUCKET, 'sjis0001', {
      original: sjis,
      rawBounce: dsnAround(sjis, 'taro@ezweb.ne.jp'),
    }),
    publishMails(client, BUCKET, 'evil0001', { original: hostile, rawBounce: dsnAround(hostile) }),
  ]);
  viewer = await startLocalViewer(
    createViewerFlow({
      mails: new S3StoredMailReader(client, { bucket: BUCKET, originalsPrefix: 'originals/' }),
      linkKeys: async () => KEY,
      observer: { served: () => undefined, failed: () => undefined },
    }),
  );
});

// Without a browser every test fails by name with the way to install one; none is skipped.
beforeEach(() => {
  if (browserMissing) throw browserMissing;
});

afterAll(async () => {
  await browser?.close();
  client?.destroy();
  evil?.server.close();
  await Promise.all([viewer?.close(), s3?.close()]);
});

function link(id: string, kind: StoredMailKind = 'original', expiresAt = linkExpiry(new Date(), 30)): string {
  return linkUrl(viewer.url, kind, mintLinkToken({ messageId: id, kind, expiresAt }, KEY));
}

/** A fresh context per test, recording every request any of its frames makes. */
async function openPage(): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
  if (!browser) throw browserMissing;
  const context = await browser.newContext({ acceptDownloads: true });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  return { context, page: await context.newPage(), requests };
}

describe('the preview in Chromium', () => {
  it('shows the Japanese subject, headers, body and diagnosis of an ISO-2022-JP original', async () => {
    const { context, page, requests } = await openPage();
    const url = link('jp0001');
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe('ご注文の確認（注文番号 1234）');
    await expect(page.locator('h1').textContent()).resolves.toBe('ご注文の確認（注文番号 1234）');
    const text = await visibleText(page);
    expect(text).toContain('"株式会社サンプル商店" <shop@example.jp>');
    expect(text).toContain('"山田 花子" <hanako@docomo.ne.jp>');
    expect(text).toContain('Fri, 27 Nov 2026 18:15:00 +0900');
    expect(text).toContain('<20261127091500.A1B2C3@mail.example.jp>');
    expect(text).toContain('このたびはご注文いただき、誠にありがとうございます。');
    expect(text).toContain('商品名：ねこ用ベッド（Ｍサイズ）');
    expect(text).toContain('recipient-unknown');
    expect(text).toContain('hanako@docomo.ne.jp');
    expect(text).toMatch(/[ぁ-ん]+.*ドメイン/); // the carrier's domain-filter advice, in Japanese
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toContain("default-src 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(requests).toEqual([url]);
    await saveScreenshot(page, 'viewer-preview.png');
    await context.close();
  });

  it('decodes a Shift_JIS original: text, HTML in the sandboxed frame, inline image, attachments', async () => {
    const { context, page, requests } = await openPage();
    const url = link('sjis0001');
    await page.goto(url);
    expect(await page.title()).toBe('お見積書の送付について');
    const text = await visibleText(page);
    expect(text).toContain('お見積書を添付いたしましたので、ご確認ください。');
    expect(text).toContain('①②③ ～ ｶﾀｶﾅ');
    expect(text).toContain('"営業部" <sales@example.jp>');
    expect(text).toMatch(/お見積書_1234\.pdf\s+application\/pdf\s+56 B/);
    const frame = page.frameLocator('iframe.html-body');
    await expect(frame.locator('p.lead').textContent()).resolves.toBe('鈴木 太郎 様');
    expect(await page.locator('iframe.html-body').getAttribute('sandbox')).toBe('');
    // The inline image came from the mail itself (cid: made a data: URL) and was drawn.
    const drawn = await page
      .frames()[1]
      ?.evaluate<number>(`document.querySelector('img[alt="ロゴ"]').naturalWidth`);
    expect(drawn).toBe(8);
    await saveScreenshot(page, 'viewer-preview-html.png');
    expect(requests).toEqual([url]);
    await context.close();
  });
});

describe('a hostile original', () => {
  it('runs no script and makes no network request, yet its text shows', async () => {
    const { context, page, requests } = await openPage();
    const url = link('evil0001');
    await page.goto(url, { waitUntil: 'load' });
    const frame = page.frameLocator('iframe.html-body');
    await expect(frame.locator('p.safe').textContent()).resolves.toBe(
      '本文は表示されます — the text still shows',
    );
    // Clicks on what is left of the links go nowhere either.
    for (const name of ['javascript link', 'data link', 'an ordinary link']) {
      await frame.getByText(name).click({ timeout: 2_000, noWaitAfter: true });
    }
    await page.waitForTimeout(500);
    const frames = page.frames();
    expect(frames).toHaveLength(2); // the page and its one sandboxed frame: no nested frame survived
    const markers = await Promise.all(frames.map((f) => f.evaluate<string | null>(MARKER)));
    const scriptsInFrame = await frames[1]?.evaluate<number>("document.querySelectorAll('script').length");
    expect({ markers, scriptsInFrame, requests, hits: evil.hits }).toEqual({
      markers: [null, null],
      scriptsInFrame: 0,
      requests: [url],
      hits: [],
    });
    // What the sanitiser left: no script, no event handler, no javascript: or remote-loading attribute.
    const leftovers = await frames[1]?.evaluate<string[]>(LEFTOVERS);
    expect(leftovers).toEqual(['A.href']); // the ordinary link, which the frame may not follow
    expect(page.url()).toBe(url);
    await context.close();
  });

  it('without the sanitiser, the sandboxed frame and the CSP alone still stop every script and load', async () => {
    const raw = hostileOriginal(evil.url).toString('utf8');
    const page = pageDocument(
      'unsanitised',
      html`<iframe class="html-body" sandbox="" srcdoc="${raw.slice(raw.indexOf('<html>'))}"></iframe>`,
    );
    const server = createServer((_request, response) => {
      response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' });
      response.end(page);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { context, page: tab } = await openPage();
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    const markers: (string | null)[] = [];
    // Each click on a fresh load: a blocked navigation leaves the frame showing Chromium's error page.
    for (const name of ['javascript link', 'data link', 'an ordinary link', 'Send']) {
      await tab.goto(url);
      const frame = tab.frameLocator('iframe.html-body');
      await expect(frame.locator('p.safe').textContent()).resolves.toContain('本文は表示されます');
      await frame.getByText(name).click({ timeout: 2_000, noWaitAfter: true });
      await tab.waitForTimeout(200);
      for (const f of tab.frames()) {
        markers.push(await f.evaluate<string | null>(MARKER).catch(() => null));
      }
    }
    expect({ markers, hits: evil.hits }).toEqual({ markers: markers.map(() => null), hits: [] });
    await context.close();
    server.close();
  });
});

describe('links that do not open a message', () => {
  it('an expired link shows the expiry page in Japanese and English', async () => {
    const { context, page } = await openPage();
    const expired = link('jp0001', 'original', Math.floor(Date.now() / 1000) - 60);
    const response = await page.goto(expired);
    expect(response?.status()).toBe(403);
    const text = await visibleText(page);
    expect(text).toContain('このリンクは有効期限が切れています');
    expect(text).toContain('This link has expired');
    expect(text).not.toContain('ご注文');
    await context.close();
  });
});

describe('the download', () => {
  it('saves the original as <subject>.eml, byte for byte', async () => {
    const { context, page } = await openPage();
    await page.goto(link('jp0001'));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByText('Download the .eml').click(),
    ]);
    expect(download.suggestedFilename()).toBe('ご注文の確認（注文番号 1234）.eml');
    const path = await download.path();
    expect(readFileSync(path)).toEqual(viewerFixture('iso-2022-jp-original.eml'));
    await context.close();
  });
});

/**
 * The whole page as an image. A full-page screenshot leaves the sandboxed frame (drawn by another
 * process) blank below the fold, so the window is made as tall as the page instead.
 */
async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 1200 });
  const height = await page.evaluate<number>('document.documentElement.scrollHeight');
  await page.setViewportSize({ width: 1280, height });
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, name) });
}

/** The page as a reader sees it (Playwright's innerText: rendered text, hidden parts left out). */
function visibleText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the test is about
  return page.locator('main').innerText();
}

/** A server standing for the attacker's: any request reaching it is a failure of the viewer. */
async function startEvilServer(): Promise<{ server: Server; url: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.end('');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${port}`, hits };
}
