// The viewer's pure side: routes, configuration, the CSS filter and the HTML sanitiser (tables of
// hostile input), the pages, the size caps; and the thin handler's answer when the key cannot be read.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../lambda/contracts/errors.ts';
import { viewerConfigFromEnv } from '../../lambda/contracts/viewer.ts';
import { isSafeStyleSheet, safeInlineStyle } from '../../lambda/core/viewer/css-filter.ts';
import { expiredPage, notFoundPage } from '../../lambda/core/viewer/error-pages.ts';
import { readMailPreview } from '../../lambda/core/viewer/mail-preview.ts';
import { renderPreview } from '../../lambda/core/viewer/render.ts';
import { routeOf } from '../../lambda/core/viewer/routes.ts';
import { type InlineImage, sanitizeMailHtml } from '../../lambda/core/viewer/sanitize-mail-html.ts';
import { createViewerFlow } from '../../lambda/wiring/viewer-flow.ts';
import { viewerFixture } from '../helpers/viewer-mails.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAGklEQVR4nGP4z8CAFWEXHbQSWAHRpr8B/LQDAPAF/gE61kmZAAAAAElFTkSuQmCC',
  'base64',
);
const sanitize = (html: string, inline = new Map<string, InlineImage>(), budget = 10_000) =>
  sanitizeMailHtml(html, inline, budget);

describe('routes', () => {
  it.each([
    ['GET', '/o/v2.0.o.1.AA.BB', { action: 'preview', link: 'original', token: 'v2.0.o.1.AA.BB' }],
    ['GET', '/r/v2.0.r.1.AA.BB/', { action: 'preview', link: 'rawBounce', token: 'v2.0.r.1.AA.BB' }],
    ['HEAD', '/o/T/download', { action: 'download', link: 'original', downloadPath: '/o/T/download' }],
    ['GET', '/r/T/download', { action: 'download', link: 'rawBounce', downloadPath: '/r/T/download' }],
    ['GET', '/o/T/download/more', { action: 'not-found' }],
    ['GET', '/o/a%2Fb', { action: 'not-found' }],
    ['GET', '/O/T', { action: 'not-found' }],
    ['GET', '/', { action: 'not-found' }],
    ['DELETE', '/o/T', { action: 'method-not-allowed' }],
  ])('%s %s', (method, path, expected) => {
    expect(routeOf(method, path)).toMatchObject(expected);
  });
});

describe('configuration', () => {
  const ENV = { BUCKET_NAME: 'b', LINK_KEY_SECRET_ID: 'bounce-doctor/link-key' };

  it('reads the bucket, the originals prefix (default originals/) and the key secret', () => {
    expect(viewerConfigFromEnv(ENV)).toEqual({
      bucket: 'b',
      originalsPrefix: 'originals/',
      linkKeySecretId: 'bounce-doctor/link-key',
    });
    expect(viewerConfigFromEnv({ ...ENV, ORIGINALS_PREFIX: 'mail/originals/' }).originalsPrefix).toBe(
      'mail/originals/',
    );
  });

  it.each([
    ['BUCKET_NAME', { BUCKET_NAME: ' ' }],
    ['LINK_KEY_SECRET_ID', { LINK_KEY_SECRET_ID: undefined }],
    ['ORIGINALS_PREFIX', { ORIGINALS_PREFIX: '../incoming/' }],
  ])('names %s when it is wrong', (setting, change) => {
    expect(() => viewerConfigFromEnv({ ...ENV, ...change })).toThrow(
      expect.objectContaining({ name: 'ConfigError', setting }),
    );
  });

  it('the Lambda entry checks the environment at cold start', async () => {
    vi.stubEnv('BUCKET_NAME', '');
    await expect(import('../../lambda/handlers/viewer.ts')).rejects.toThrow(
      new ConfigError('BUCKET_NAME', 'is required'),
    );
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });
});

describe('CSS from mail', () => {
  it.each([
    ['color: red; font-size: 14px', 'color: red; font-size: 14px'],
    ['width: calc(100% - 2px); color: rgb(1, 2, 3)', 'width: calc(100% - 2px); color: rgb(1, 2, 3)'],
    ['background: url(http://evil/x); color: blue', 'color: blue'],
    ['background-image: image-set("http://evil/x" 1x)', ''],
    ['background: u\\72 l(http://evil/x)', ''],
    ['width: expression(alert(1))', ''],
    ['behavior: url(x.htc)', ''],
    ['list-style: URL (http://evil/x)', ''],
    ['color: red; }</style><script>', ''], // does not parse: nothing kept
  ])('inline %j keeps %j', (style, kept) => {
    expect(safeInlineStyle(style)).toBe(kept);
  });

  it.each([
    ['p { color: #333 } @media (max-width: 600px) { td { display: block } }', true],
    ['input[value^="a"] { background: url(http://evil/a) }', false],
    ['@import "http://evil/x.css";', false],
    ['@font-face { font-family: x; src: local(Arial) }', false],
    ['a { color: red } </style><script>alert(1)</script>', false],
    ['p { color: red', false], // does not parse
  ])('style sheet %j safe: %s', (css, safe) => {
    expect(isSafeStyleSheet(css)).toBe(safe);
  });
});

describe('HTML from mail', () => {
  it.each([
    ['script', '<p>hi</p><script>alert(1)</script>', '<p>hi</p>'],
    ['an event handler', '<img src="x" onerror="alert(1)">', '<img alt="[image]" />'],
    [
      'a javascript: link',
      '<a href="javascript:alert(1)">x</a>',
      '<a target="_blank" rel="noopener noreferrer">x</a>',
    ],
    [
      'a data: link',
      '<a href="data:text/html,x">x</a>',
      '<a target="_blank" rel="noopener noreferrer">x</a>',
    ],
    ['a remote image', '<img src="https://evil/t.gif" alt="t">', '<img alt="t" />'],
    ['a protocol-relative image', '<img src="//evil/t.gif">', '<img alt="[image]" />'],
    ['an SVG data image', '<img src="data:image/svg+xml;base64,PHN2Zy8+">', '<img alt="[image]" />'],
    ['srcset', '<img srcset="https://evil/x 1x">', '<img alt="[image]" />'],
    ['a form', '<form action="https://evil"><input name="a"><button>b</button></form>', 'b'],
    [
      'frames and plugins',
      '<iframe src="https://evil"></iframe><object data="x"></object><embed src="x">',
      '',
    ],
    [
      'meta refresh and base',
      '<meta http-equiv="refresh" content="0;url=https://evil"><base href="https://evil/">',
      '',
    ],
    ['a style sheet that fetches', '<style>p{background:url(https://evil)}</style><p>x</p>', '<p>x</p>'],
    ['SVG', '<svg onload="alert(1)"><image href="https://evil"/></svg>', ''],
    [
      'background attributes',
      '<table background="https://evil/b"><tr><td>x</td></tr></table>',
      '<table><tr><td>x</td></tr></table>',
    ],
    ['the title', '<title>secret title</title><p>x</p>', '<p>x</p>'],
    ['noscript', '<noscript><img src="https://evil/n"></noscript>', ''],
  ])('removes %s', (_what, input, output) => {
    expect(sanitize(input).html).toBe(output);
  });

  it('keeps layout, text, safe styles and ordinary links (made inert: they show where they point)', () => {
    const input =
      '<table width="600" cellpadding="4"><tr><td style="color: #333; padding: 8px" colspan="2">' +
      '<a href="https://example.jp/a">リンク</a> <b>太字</b></td></tr></table><style>td { color: #111 }</style>';
    expect(sanitize(input).html).toBe(
      '<table width="600" cellpadding="4"><tr><td colspan="2" style="color:#333;padding:8px">' +
        '<a href="https://example.jp/a" title="https://example.jp/a" target="_blank" rel="noopener noreferrer">リンク</a> <b>太字</b></td></tr></table><style>td { color: #111 }</style>',
    );
  });

  it('shows the mail’s own inline images as data: URLs, within the budget', () => {
    const inline = new Map<string, InlineImage>([
      ['logo@example.jp', { contentType: 'image/png', content: PNG }],
      ['doc@example.jp', { contentType: 'application/pdf', content: PNG }],
    ]);
    const html =
      '<img src="cid:logo@example.jp"><img src="cid:logo%40example.jp"><img src="cid:doc@example.jp">';
    const shown = sanitize(html, inline, PNG.byteLength);
    expect(shown.html).toBe(
      `<img src="data:image/png;base64,${PNG.toString('base64')}" /><img alt="[image]" /><img alt="[image]" />`,
    );
    expect(shown.blockedImages).toBe(2);
  });
});

describe('the preview', () => {
  it('caps the text and leaves out an HTML body too large for a Lambda answer', async () => {
    const preview = await readMailPreview(
      viewerFixture('shift-jis-original.eml'),
      { textChars: 10, htmlChars: 100, inlineImageBytes: 0, htmlBudgetMs: 1000 },
      () => performance.now(),
    );
    expect(preview.text).toEqual({ content: '鈴木 太郎 様\n\nお', truncated: true });
    expect(preview.html).toEqual({ status: 'too-large' });
  });

  it('renders the page with the download link, the expiry and no diagnosis when the bounce is missing', async () => {
    const page = await renderPreview(
      {
        kind: 'original',
        mail: viewerFixture('shift-jis-original.eml'),
        rawBounce: undefined,
        downloadPath: '/o/T/download',
        expiresAt: Date.UTC(2026, 11, 27, 9) / 1000,
      },
      () => performance.now(),
    );
    expect(page.status).toBe(200);
    expect(page.body).toContain('<a href="/o/T/download" download>');
    expect(page.body).toContain('This link works until: 2026-12-27 09:00 UTC');
    expect(page.body).toContain('The bounce is not stored');
    expect(page.body).toContain('sandbox="" referrerpolicy="no-referrer"');
    expect(page.body).toContain('お見積書_1234.pdf');
  });
});

describe('pages for links that open nothing', () => {
  it('the not-found page is one fixed page; the expiry page names the time', () => {
    expect(notFoundPage()).toEqual(notFoundPage());
    expect(notFoundPage().status).toBe(404);
    const expired = expiredPage(Date.UTC(2026, 0, 2, 3, 4) / 1000);
    expect(expired.status).toBe(403);
    expect(expired.body).toContain('2026-01-02 03:04 UTC');
  });
});

describe('the handler', () => {
  it('answers 500 with the unavailable page, and reports the error, when the key cannot be read', async () => {
    const failed = vi.fn();
    const handler = createViewerFlow({
      mails: { read: async () => ({ status: 'missing' }) },
      linkKeys: async () => {
        throw new Error('AccessDeniedException');
      },
      observer: { served: () => undefined, failed },
    });
    const response = await handler({
      rawPath: '/o/v2.0.o.1.AA.BB',
      requestContext: { http: { method: 'GET' } },
    });
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain('The message cannot be shown right now');
    expect(failed).toHaveBeenCalledWith(
      expect.objectContaining({ route: 'preview', link: 'original' }),
      expect.objectContaining({ message: 'AccessDeniedException' }),
    );
  });
});
