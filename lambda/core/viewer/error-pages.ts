// The pages for links that do not open a message, in Japanese and English. A link that was altered,
// cut, made for the other route, or whose message is no longer stored gets the same page, byte for
// byte: it says what may have happened without telling whether a message exists. An expired link is
// told so (its signature was checked first, so only a link the system made gets that page).
import { html } from './html.ts';
import { formatUtc, pageDocument } from './page-layout.ts';

export type ErrorPage = 'expired' | 'not-found' | 'method-not-allowed' | 'unavailable';

export interface RenderedPage {
  status: number;
  body: string;
}

export function expiredPage(expiresAt: number): RenderedPage {
  const when = formatUtc(expiresAt);
  return {
    status: 403,
    body: pageDocument(
      'リンクの有効期限切れ / Link expired',
      html`<h1>このリンクは有効期限が切れています<br><span class="lang-en">This link has expired</span></h1>
<section>
<p>このリンクの有効期限は ${when} でした。チケットのリンクは、発行されてから決められた日数（既定 30 日）だけ開けます。メッセージがまだ必要な場合は、bounce-doctor の管理者に連絡してください。</p>
<p class="lang-en">This link stopped working at ${when}. The links in a ticket open for a set number of days after they are made (30 by default). If you still need the message, ask whoever runs bounce-doctor.</p>
</section>`,
    ),
  };
}

export function notFoundPage(): RenderedPage {
  return {
    status: 404,
    body: pageDocument(
      'メッセージを表示できません / No message here',
      html`<h1>このリンクではメッセージを表示できません<br><span class="lang-en">This link does not open a message</span></h1>
<section>
<p>リンクが途中で切れているか、書き換えられているか、メッセージの保管期間が過ぎている可能性があります。チケットからリンク全体をコピーして、もう一度開いてください。</p>
<p class="lang-en">The link may be cut short or changed, or the message may no longer be kept. Copy the whole link from the ticket and open it again.</p>
</section>`,
    ),
  };
}

export function methodNotAllowedPage(): RenderedPage {
  return {
    status: 405,
    body: pageDocument(
      '使えない操作です / Method not allowed',
      html`<h1>このページは表示とダウンロードだけに使えます<br><span class="lang-en">This page can only be viewed or downloaded</span></h1>`,
    ),
  };
}

export function unavailablePage(): RenderedPage {
  return {
    status: 500,
    body: pageDocument(
      '一時的に表示できません / Temporarily unavailable',
      html`<h1>メッセージを一時的に表示できません<br><span class="lang-en">The message cannot be shown right now</span></h1>
<section>
<p>少し待ってから、もう一度開いてください。続く場合は bounce-doctor の管理者に連絡してください。</p>
<p class="lang-en">Please try again in a moment. If it keeps happening, tell whoever runs bounce-doctor.</p>
</section>`,
    ),
  };
}
