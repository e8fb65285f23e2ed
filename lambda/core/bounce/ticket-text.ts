// The ticket as plain text, Japanese and English side by side: what a support person reads first.
import type { TicketDraft, TicketRecipient } from './ticket-draft.ts';
import { VERDICT_NAMES } from './verdicts.ts';

export const MAX_LISTED_RECIPIENTS = 50;

/** The sections' headings, Japanese / English: the same in every form of the ticket. */
export const SECTION_TITLES = {
  summary: '概要 / Summary',
  remedy: '対応 / What to do',
  recipients: '宛先 / Recipients',
  original: '元のメール / Original message',
  rawBounce: 'バウンスメール / Raw bounce',
  verdicts: 'SES の判定 / SES verdicts',
} as const;

/** The other fixed words of the ticket, Japanese / English. */
export const TICKET_WORDS = {
  untrustedTitle: '注意: 送信元を確認できないバウンス / Warning: untrusted bounce',
  untrustedJa:
    'このバウンスは当社が送ったメールへの返信であることを確認できませんでした（偽のバウンスの可能性があります）。',
  untrustedEn: 'This bounce could not be tied to a message we sent: it may be forged.',
  noOriginal:
    'バウンスに元のメールは含まれていませんでした。 / The bounce did not return the original message.',
  headersOnly: '(ヘッダーのみ返送されました / only the headers came back)',
  viewOriginal: '表示・ダウンロード / view or download',
  viewBounce: '表示 / view',
  linksValidUntil: 'リンクの有効期限 / links valid until',
} as const;

export type TicketFields = Omit<TicketDraft, 'body'>;

export function ticketBodyText(ticket: TicketFields): string {
  return [
    ticket.title,
    '',
    ...trustLines(ticket),
    `■ ${SECTION_TITLES.summary}`,
    ticket.summary.ja,
    ticket.summary.en,
    '',
    `■ ${SECTION_TITLES.remedy}`,
    ticket.remedy.ja,
    ticket.remedy.en,
    '',
    `■ ${SECTION_TITLES.recipients}`,
    ...recipientLines(ticket.recipients),
    '',
    `■ ${SECTION_TITLES.original}`,
    ...originalLines(ticket),
    '',
    `■ ${SECTION_TITLES.rawBounce}`,
    `${TICKET_WORDS.viewBounce}: ${ticket.links.rawBounce}`,
    `(${TICKET_WORDS.linksValidUntil} ${ticket.links.expiresAt})`,
    '',
    `■ ${SECTION_TITLES.verdicts}`,
    verdictLine(ticket),
    '',
    `SES message id: ${ticket.sesMessageId} · kind: ${ticket.kind} · decoded by: ${ticket.bounce.decodedBy || '-'}`,
  ].join('\n');
}

/** A warning first when the bounce could not be tied to a message we sent: it may be forged. */
function trustLines(ticket: TicketFields): string[] {
  if (ticket.trust.trusted) return [];
  return [
    `■ ${TICKET_WORDS.untrustedTitle}`,
    TICKET_WORDS.untrustedJa,
    TICKET_WORDS.untrustedEn,
    `(${(ticket.trust.problems ?? []).join(', ')})`,
    '',
  ];
}

function recipientLines(recipients: readonly TicketRecipient[]): string[] {
  const lines = recipients.slice(0, MAX_LISTED_RECIPIENTS).flatMap((r) => {
    const server = remoteServer(r);
    return [
      `- ${r.address} — ${recipientFacts(r)}`,
      ...(server ? [`  remote server: ${server}`] : []),
      ...(r.diagnosticCode ? [`  server said: ${r.diagnosticCode}`] : []),
    ];
  });
  const more = recipients.length - MAX_LISTED_RECIPIENTS;
  return more > 0 ? [...lines, `… and ${more} more`] : lines;
}

/** Reason, codes, hard or soft bounce, carrier: `userunknown, 5.1.1 550, hard bounce`. */
export function recipientFacts(r: TicketRecipient): string {
  const codes = [r.status, r.replyCode].filter(Boolean).join(' ');
  const bounceType = r.action === 'failed' ? (r.hardBounce ? 'hard bounce' : 'soft bounce') : '';
  return [r.reason, codes, bounceType, r.carrier].filter(Boolean).join(', ');
}

/** The remote server and the command it answered; "" when the bounce does not say. */
export function remoteServer(r: TicketRecipient): string {
  return r.remoteMta ? `${r.remoteMta}${r.command ? `, answering ${r.command}` : ''}` : '';
}

function originalLines(ticket: TicketFields): string[] {
  const original = ticket.original;
  if (!original) return [TICKET_WORDS.noOriginal];
  return [
    `Subject: ${original.subject || '(no subject)'}`,
    ...(original.from ? [`From: ${original.from}`] : []),
    ...(original.to ? [`To: ${original.to.join(', ')}`] : []),
    ...(original.date ? [`Date: ${original.date}`] : []),
    ...(original.messageId ? [`Message-ID: ${original.messageId}`] : []),
    ...(original.headersOnly ? [TICKET_WORDS.headersOnly] : []),
    ...(ticket.links.original ? [`${TICKET_WORDS.viewOriginal}: ${ticket.links.original}`] : []),
  ];
}

export function verdictLine(ticket: TicketFields): string {
  return VERDICT_NAMES.map((name) => `${name.toUpperCase()} ${ticket.verdicts[name] ?? 'unknown'}`).join(
    ' · ',
  );
}
