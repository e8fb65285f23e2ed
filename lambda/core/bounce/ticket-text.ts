// The ticket as plain text, Japanese and English side by side: what a support person reads first.
import type { TicketDraft, TicketRecipient } from './ticket-draft.ts';
import { VERDICT_NAMES } from './verdicts.ts';

const MAX_LISTED_RECIPIENTS = 50;

type TicketFields = Omit<TicketDraft, 'body'>;

export function ticketBodyText(ticket: TicketFields): string {
  return [
    ticket.title,
    '',
    ...trustLines(ticket),
    '■ 概要 / Summary',
    ticket.summary.ja,
    ticket.summary.en,
    '',
    '■ 対応 / What to do',
    ticket.remedy.ja,
    ticket.remedy.en,
    '',
    '■ 宛先 / Recipients',
    ...recipientLines(ticket.recipients),
    '',
    '■ 元のメール / Original message',
    ...originalLines(ticket),
    '',
    '■ バウンスメール / Raw bounce',
    `表示 / view: ${ticket.links.rawBounce}`,
    `(リンクの有効期限 / links valid until ${ticket.links.expiresAt})`,
    '',
    '■ SES の判定 / SES verdicts',
    verdictLine(ticket),
    '',
    `SES message id: ${ticket.sesMessageId} · kind: ${ticket.kind} · decoded by: ${ticket.bounce.decodedBy || '-'}`,
  ].join('\n');
}

/** A warning first when the bounce could not be tied to a message we sent: it may be forged. */
function trustLines(ticket: TicketFields): string[] {
  if (ticket.trust.trusted) return [];
  return [
    '■ 注意: 送信元を確認できないバウンス / Warning: untrusted bounce',
    'このバウンスは当社が送ったメールへの返信であることを確認できませんでした（偽のバウンスの可能性があります）。',
    'This bounce could not be tied to a message we sent: it may be forged.',
    `(${(ticket.trust.problems ?? []).join(', ')})`,
    '',
  ];
}

function recipientLines(recipients: readonly TicketRecipient[]): string[] {
  const lines = recipients.slice(0, MAX_LISTED_RECIPIENTS).flatMap((r) => {
    const codes = [r.status, r.replyCode].filter(Boolean).join(' ');
    const bounceType = r.action === 'failed' ? (r.hardBounce ? 'hard bounce' : 'soft bounce') : '';
    const facts = [r.reason, codes, bounceType, r.carrier].filter(Boolean).join(', ');
    return [
      `- ${r.address} — ${facts}`,
      ...(r.remoteMta
        ? [`  remote server: ${r.remoteMta}${r.command ? `, answering ${r.command}` : ''}`]
        : []),
      ...(r.diagnosticCode ? [`  server said: ${r.diagnosticCode}`] : []),
    ];
  });
  const more = recipients.length - MAX_LISTED_RECIPIENTS;
  return more > 0 ? [...lines, `… and ${more} more`] : lines;
}

function originalLines(ticket: TicketFields): string[] {
  const original = ticket.original;
  if (!original)
    return [
      'バウンスに元のメールは含まれていませんでした。 / The bounce did not return the original message.',
    ];
  return [
    `Subject: ${original.subject || '(no subject)'}`,
    ...(original.from ? [`From: ${original.from}`] : []),
    ...(original.to ? [`To: ${original.to.join(', ')}`] : []),
    ...(original.date ? [`Date: ${original.date}`] : []),
    ...(original.messageId ? [`Message-ID: ${original.messageId}`] : []),
    ...(original.headersOnly ? ['(ヘッダーのみ返送されました / only the headers came back)'] : []),
    ...(ticket.links.original ? [`表示・ダウンロード / view or download: ${ticket.links.original}`] : []),
  ];
}

function verdictLine(ticket: TicketFields): string {
  return VERDICT_NAMES.map((name) => `${name.toUpperCase()} ${ticket.verdicts[name] ?? 'unknown'}`).join(
    ' · ',
  );
}
