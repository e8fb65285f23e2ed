// The preview page of a stored mail (the original, or the raw bounce): subject as the title, the
// headers, the bounce's diagnosis, the attachments, the text body, and the sanitised HTML body inside a
// sandboxed iframe (no allow-scripts, no allow-same-origin: an opaque origin that can run nothing).
import type { StoredMailKind } from '../links/stored-mail.ts';
import type { BounceSummary } from './bounce-summary.ts';
import type { RenderedPage } from './error-pages.ts';
import { html, type SafeHtml } from './html.ts';
import type { AttachmentEntry, MailPreview } from './mail-preview.ts';
import { formatUtc, pageDocument } from './page-layout.ts';

export interface PreviewPageInput {
  kind: StoredMailKind;
  mail: MailPreview;
  /** The bounce's diagnosis; absent when the raw bounce is not stored (mail stored before it was). */
  bounce: BounceSummary | undefined;
  /** Path of this link's download route, e.g. `/o/<token>/download`. */
  downloadPath: string;
  /** Unix seconds. */
  expiresAt: number;
}

const HEADINGS: Readonly<Record<StoredMailKind, { ja: string; en: string }>> = {
  original: { ja: '不達になった元のメッセージ', en: 'The message that bounced' },
  rawBounce: { ja: '受信した不達通知（バウンス）', en: 'The bounce as received' },
};

export function previewPage(input: PreviewPageInput): RenderedPage {
  const { mail } = input;
  const subject = mail.subject.trim() || '(件名なし / no subject)';
  const heading = HEADINGS[input.kind];
  const body = html`<p class="kind">${heading.ja} / <span class="lang-en">${heading.en}</span></p>
<h1>${subject}</h1>
<p class="actions"><a href="${input.downloadPath}" download>.eml をダウンロード / Download the .eml</a></p>
${headersSection(mail)}
${diagnosisSection(input)}
${attachmentsSection(mail.attachments)}
${textSection(mail)}
${htmlSection(mail)}
<p class="note">このリンクの有効期限 / This link works until: ${formatUtc(input.expiresAt)}</p>`;
  return { status: 200, body: pageDocument(subject, body) };
}

function headersSection(mail: MailPreview): SafeHtml {
  const rows: [string, string][] = [
    ['件名 / Subject', mail.subject],
    ['差出人 / From', mail.from],
    ['宛先 / To', mail.to],
    ['Cc', mail.cc],
    ['日時 / Date', mail.date],
    ['Message-ID', mail.messageId],
  ];
  return html`<section aria-label="headers"><dl class="headers">${rows
    .filter(([label, value]) => value || label !== 'Cc')
    .map(([label, value]) => html`<dt>${label}</dt><dd>${value || '—'}</dd>`)}</dl></section>`;
}

function diagnosisSection(input: PreviewPageInput): SafeHtml {
  const { bounce } = input;
  if (!bounce) {
    return html`<section class="diagnosis"><h2>不達の診断 / Why it bounced</h2>
<p class="note">この不達通知は保管されていないため、診断を表示できません。 / The bounce is not stored, so its diagnosis cannot be shown.</p></section>`;
  }
  return html`<section class="diagnosis"><h2>不達の診断 / Why it bounced: ${bounce.category}</h2>
<p>${bounce.summary.ja}</p><p class="lang-en">${bounce.summary.en}</p>
<h2>対処 / What to do</h2>
<p>${bounce.remedy.ja}</p><p class="lang-en">${bounce.remedy.en}</p>
${bounce.recipients.length > 0 ? recipientsTable(bounce) : ''}
${
  bounce.headersOnly && input.kind === 'original'
    ? html`<p class="note">不達通知にはヘッダーだけが返されました。本文はありません。 / Only the headers came back in the bounce; there is no body.</p>`
    : ''
}</section>`;
}

function recipientsTable(bounce: BounceSummary): SafeHtml {
  return html`<table><thead><tr><th>宛先 / Recipient</th><th>理由 / Reason</th><th>コード / Codes</th><th>サーバーの応答 / Server said</th></tr></thead><tbody>${bounce.recipients.map(
    (r) =>
      html`<tr><td>${r.address}</td><td>${r.reason}</td><td>${[r.status, r.replyCode].filter(Boolean).join(' ')}</td><td>${r.diagnosticCode}</td></tr>`,
  )}</tbody></table>`;
}

function attachmentsSection(attachments: readonly AttachmentEntry[]): SafeHtml {
  if (attachments.length === 0) return html``;
  return html`<section><h2>添付ファイル / Attachments (${attachments.length})</h2>
<table><thead><tr><th>名前 / Name</th><th>種類 / Type</th><th>サイズ / Size</th></tr></thead><tbody>${attachments.map(
    (a) =>
      html`<tr><td>${a.name || '(名前なし / unnamed)'}${a.inline ? ' (inline)' : ''}</td><td>${a.contentType}</td><td>${formatBytes(a.bytes)}</td></tr>`,
  )}</tbody></table></section>`;
}

function textSection(mail: MailPreview): SafeHtml {
  if (!mail.text) {
    return html`<section><h2>本文（テキスト） / Text body</h2><p class="note">テキストの本文はありません。 / No text body.</p></section>`;
  }
  return html`<section><h2>本文（テキスト） / Text body</h2><pre class="body">${mail.text.content}</pre>${
    mail.text.truncated
      ? html`<p class="note">長いため途中までです。全文は .eml にあります。 / Cut short; the whole text is in the .eml.</p>`
      : ''
  }</section>`;
}

function htmlSection(mail: MailPreview): SafeHtml {
  const part = mail.html;
  if (!part) return html``;
  if (part.status === 'too-large') {
    return html`<section><h2>本文（HTML） / HTML body</h2><p class="note">HTML の本文は大きすぎるため表示しません。.eml をダウンロードしてください。 / The HTML body is too large to show here; download the .eml.</p></section>`;
  }
  if (part.status === 'too-complex') {
    return html`<section><h2>本文（HTML） / HTML body</h2><p class="note">HTML の本文は複雑すぎるため、安全に表示できません。.eml をダウンロードしてください。 / The HTML body is too complex to show here; download the .eml.</p></section>`;
  }
  const notes = [
    'スクリプト・フォーム・外部の画像やフォントを取り除いて表示しています。 / Shown without scripts, forms, remote images or fonts.',
    part.blockedImages > 0 ? `読み込まなかった画像 / Images not loaded: ${part.blockedImages}` : '',
    part.droppedStyleSheets > 0 ? `外した CSS / Style sheets left out: ${part.droppedStyleSheets}` : '',
  ].filter(Boolean);
  return html`<section><h2>本文（HTML） / HTML body</h2>
<p class="note">${notes.map((note, i) => html`${i > 0 ? html`<br>` : ''}${note}`)}</p>
<iframe class="html-body" title="HTML body" sandbox="" referrerpolicy="no-referrer" loading="eager" srcdoc="${part.srcdoc}"></iframe></section>`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
