// The ticket's body, Japanese and English side by side: what a support person reads first. Built once as
// lines of pieces that know where they came from — our words, the mail's words, our links — and
// rendered as plain text (the generic format's `body`) or as HTML in which the mail's words are escaped,
// defanged and quoted, and only our own viewer links are links (Zendesk's `html_body`).

import { VERDICT_NAMES } from '../ses/verdicts.ts';
import type { TicketFields, TicketRecipient } from './ticket.ts';
import { defangUrls, escapeHtml, untrustedHtml } from './untrusted-text.ts';

const MAX_LISTED_RECIPIENTS = 50;

/** Our own text; the mail's text (anyone's words); a link we minted. */
type Piece = string | { mail: string } | { link: string };
type BodyLine = readonly Piece[];

/** `defang`: the mail's words with their URLs defanged, for a text a helpdesk linkifies (a mail's text part). */
export function ticketBodyText(ticket: TicketFields, options: { defang?: boolean } = {}): string {
  const mailText = options.defang ? defangUrls : (text: string) => text;
  return bodyLines(ticket)
    .map((line) =>
      line
        .map((piece) =>
          typeof piece === 'string' ? piece : 'mail' in piece ? mailText(piece.mail) : piece.link,
        )
        .join(''),
    )
    .join('\n');
}

/** The same body as an HTML fragment: nothing from the mail can become markup, a link or an image. */
export function ticketBodyHtml(ticket: TicketFields): string {
  return bodyLines(ticket)
    .map((line) => {
      const html = line.map(htmlPiece).join('');
      return typeof line[0] === 'string' && line[0].startsWith('■')
        ? `<p><strong>${html}</strong></p>`
        : `<p>${html}</p>`;
    })
    .filter((paragraph) => paragraph !== '<p></p>')
    .join('\n');
}

function htmlPiece(piece: Piece): string {
  if (typeof piece === 'string') return escapeHtml(piece);
  if ('mail' in piece) return untrustedHtml(piece.mail);
  return `<a href="${escapeHtml(piece.link)}" rel="noreferrer">${escapeHtml(piece.link)}</a>`;
}

const mail = (text: string): Piece => ({ mail: text });

function bodyLines(ticket: TicketFields): BodyLine[] {
  return [
    [mail(ticket.title)],
    [],
    ...trustLines(ticket),
    ['■ 概要 / Summary'],
    [ticket.summary.ja],
    [ticket.summary.en],
    [],
    ['■ 対応 / What to do'],
    [ticket.remedy.ja],
    [ticket.remedy.en],
    [],
    ['■ 宛先 / Recipients'],
    ...recipientLines(ticket.recipients),
    [],
    ['■ 元のメール / Original message'],
    ...originalLines(ticket),
    [],
    ['■ バウンスメール / Raw bounce'],
    ['表示 / view: ', { link: ticket.links.rawBounce }],
    [`(リンクの有効期限 / links valid until ${ticket.links.expiresAt})`],
    [],
    ['■ SES の判定 / SES verdicts'],
    [verdictLine(ticket)],
    [],
    [
      `SES message id: ${ticket.sesMessageId} · kind: ${ticket.kind} · decoded by: ${ticket.bounce.decodedBy || '-'}`,
    ],
  ];
}

/** A warning first when the bounce could not be tied to a message we sent: it may be forged. */
function trustLines(ticket: TicketFields): BodyLine[] {
  if (ticket.trust.trusted) return [];
  return [
    ['■ 注意: 送信元を確認できないバウンス / Warning: untrusted bounce'],
    [
      'このバウンスは当社が送ったメールへの返信であることを確認できませんでした（偽のバウンスの可能性があります）。',
    ],
    ['This bounce could not be tied to a message we sent: it may be forged.'],
    [`(${(ticket.trust.problems ?? []).join(', ')})`],
    [],
  ];
}

function recipientLines(recipients: readonly TicketRecipient[]): BodyLine[] {
  const lines = recipients.slice(0, MAX_LISTED_RECIPIENTS).flatMap((r): BodyLine[] => {
    const codes = [r.status, r.replyCode].filter(Boolean).join(' ');
    const bounceType = r.action === 'failed' ? (r.hardBounce ? 'hard bounce' : 'soft bounce') : '';
    const facts: Piece[] = [r.reason, codes ? mail(codes) : '', bounceType, r.carrier ?? '']
      .filter((fact) => fact !== '')
      .flatMap((fact, i) => (i > 0 ? [', ', fact] : [fact]));
    return [
      ['- ', mail(r.address), ' — ', ...facts],
      ...(r.remoteMta
        ? [['  remote server: ', mail(r.remoteMta), ...(r.command ? [', answering ', mail(r.command)] : [])]]
        : []),
      ...(r.diagnosticCode ? [['  server said: ', mail(r.diagnosticCode)]] : []),
    ];
  });
  const more = recipients.length - MAX_LISTED_RECIPIENTS;
  return more > 0 ? [...lines, [`… and ${more} more`]] : lines;
}

function originalLines(ticket: TicketFields): BodyLine[] {
  const original = ticket.original;
  if (!original) {
    return [
      ['バウンスに元のメールは含まれていませんでした。 / The bounce did not return the original message.'],
    ];
  }
  const header = (name: string, value: string | undefined): BodyLine[] =>
    value ? [[`${name}: `, mail(value)]] : [];
  return [
    ['Subject: ', original.subject ? mail(original.subject) : '(no subject)'],
    ...header('From', original.from),
    ...header('To', original.to?.join(', ')),
    ...header('Date', original.date),
    ...header('Message-ID', original.messageId),
    ...(original.headersOnly ? [['(ヘッダーのみ返送されました / only the headers came back)']] : []),
    ...(ticket.links.original
      ? [['表示・ダウンロード / view or download: ', { link: ticket.links.original }]]
      : []),
  ];
}

function verdictLine(ticket: TicketFields): string {
  return VERDICT_NAMES.map((name) => `${name.toUpperCase()} ${ticket.verdicts[name] ?? 'unknown'}`).join(
    ' · ',
  );
}
