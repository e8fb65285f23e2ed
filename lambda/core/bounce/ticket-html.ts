// The ticket as an HTML part (the `mail` ticket system): the plain text's sections, Japanese then
// English. Every value from the bounce is escaped text; the only links are ours (the viewer's).
import { html, type SafeHtml } from '../viewer/html.ts';
import type { TicketRecipient } from './ticket-draft.ts';
import {
  MAX_LISTED_RECIPIENTS,
  recipientFacts,
  remoteServer,
  SECTION_TITLES,
  TICKET_WORDS,
  type TicketFields,
  verdictLine,
} from './ticket-text.ts';

// Inline styles only: helpdesks drop <style> blocks and classes from the mail they show.
const BODY = 'font-family:sans-serif;font-size:14px;line-height:1.5;color:#1f2328;max-width:760px';
const HEADING = 'font-size:15px;margin:20px 0 6px;padding-bottom:2px;border-bottom:1px solid #d0d7de';
const WARNING = 'border:2px solid #cf222e;background:#fff5f5;padding:8px 12px;margin:12px 0';
const WORDS = 'white-space:pre-wrap;word-break:break-all;background:#f6f8fa;padding:6px 8px;margin:4px 0';
const NOTE = 'color:#59636e;font-size:12px;margin-top:20px';

export function ticketBodyHtml(ticket: TicketFields): string {
  return html`<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>${ticket.title}</title></head>
<body style="${BODY}">
<p><strong>bounce-doctor</strong>: ${ticket.title}</p>
${trustBlock(ticket)}
<h2 style="${HEADING}">${SECTION_TITLES.summary}</h2>
<p lang="ja">${ticket.summary.ja}</p>
<p lang="en">${ticket.summary.en}</p>
<h2 style="${HEADING}">${SECTION_TITLES.remedy}</h2>
<p lang="ja">${ticket.remedy.ja}</p>
<p lang="en">${ticket.remedy.en}</p>
<h2 style="${HEADING}">${SECTION_TITLES.recipients}</h2>
${recipientList(ticket.recipients)}
<h2 style="${HEADING}">${SECTION_TITLES.original}</h2>
${originalBlock(ticket)}
<h2 style="${HEADING}">${SECTION_TITLES.rawBounce}</h2>
<p>${link(ticket.links.rawBounce, TICKET_WORDS.viewBounce)}<br>(${TICKET_WORDS.linksValidUntil} ${ticket.links.expiresAt})</p>
<h2 style="${HEADING}">${SECTION_TITLES.verdicts}</h2>
<p>${verdictLine(ticket)}</p>
<p style="${NOTE}">SES message id: ${ticket.sesMessageId} · kind: ${ticket.kind} · decoded by: ${ticket.bounce.decodedBy || '-'}</p>
</body></html>
`.value;
}

function trustBlock(ticket: TicketFields): SafeHtml | '' {
  if (ticket.trust.trusted) return '';
  return html`<div style="${WARNING}"><strong>${TICKET_WORDS.untrustedTitle}</strong>
<p lang="ja">${TICKET_WORDS.untrustedJa}</p>
<p lang="en">${TICKET_WORDS.untrustedEn} (${(ticket.trust.problems ?? []).join(', ')})</p></div>`;
}

function recipientList(recipients: readonly TicketRecipient[]): SafeHtml {
  const items = recipients.slice(0, MAX_LISTED_RECIPIENTS).map((r) => {
    const server = remoteServer(r);
    return html`<li><strong>${r.address}</strong> — ${recipientFacts(r)}${
      server ? html`<br>remote server: ${server}` : ''
    }${r.diagnosticCode ? html`<br>server said:<div style="${WORDS}">${r.diagnosticCode}</div>` : ''}</li>`;
  });
  const more = recipients.length - MAX_LISTED_RECIPIENTS;
  return html`<ul>${items}${more > 0 ? html`<li>… and ${more} more</li>` : ''}</ul>`;
}

function originalBlock(ticket: TicketFields): SafeHtml {
  const original = ticket.original;
  if (!original) return html`<p>${TICKET_WORDS.noOriginal}</p>`;
  const rows: [string, string | undefined][] = [
    ['Subject', original.subject || '(no subject)'],
    ['From', original.from],
    ['To', original.to?.join(', ')],
    ['Date', original.date],
    ['Message-ID', original.messageId],
  ];
  return html`<table style="border-collapse:collapse">${rows
    .filter(([, value]) => value)
    .map(
      ([name, value]) =>
        html`<tr><th style="text-align:left;padding:2px 12px 2px 0;vertical-align:top">${name}</th><td style="word-break:break-all">${value}</td></tr>`,
    )}</table>${original.headersOnly ? html`<p>${TICKET_WORDS.headersOnly}</p>` : ''}${
    ticket.links.original ? html`<p>${link(ticket.links.original, TICKET_WORDS.viewOriginal)}</p>` : ''
  }`;
}

/** Our own viewer links only ever come here; anything but http(s) stays text. */
function link(url: string, label: string): SafeHtml {
  return /^https?:\/\//i.test(url) ? html`<a href="${url}">${label}</a>` : html`${label}: ${url}`;
}
