// The frame of every viewer page: UTF-8, Japanese as the page language, the inline style sheet, and a
// data: favicon so the browser asks the network for nothing.
import { html, type SafeHtml, trusted } from './html.ts';
import { PAGE_STYLE } from './page-style.ts';

export function pageDocument(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${title}</title>
<style>${trusted(PAGE_STYLE)}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`.value;
}

/** "2026-12-27 09:00 UTC" */
export function formatUtc(unixSeconds: number): string {
  return `${new Date(unixSeconds * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
