// Mail-derived text in tickets is anyone's text: one line each, and in the rich renderings (Zendesk's
// HTML, a Markdown code span) never markup, a link or an image. Regression cases for issue 13's
// findings 1 (forged words and links in a ticket) and 14 (fields not flattened).
import { describe, expect, it } from 'vitest';
import type { ZendeskTicketPayload } from '../../lambda/adapters/tickets/systems/zendesk.ts';
import { zendesk } from '../../lambda/adapters/tickets/systems/zendesk.ts';
import { decodeBounce } from '../../lambda/core/decode.ts';
import { diagnoseReport } from '../../lambda/core/diagnosis/diagnose.ts';
import type { TicketDraft } from '../../lambda/core/ticketing/ticket.ts';
import { buildTicketDraft } from '../../lambda/core/ticketing/ticket-draft.ts';
import { ticketBodyHtml } from '../../lambda/core/ticketing/ticket-text.ts';
import {
  defangUrls,
  escapeHtml,
  markdownCode,
  plainLine,
  untrustedHtml,
} from '../../lambda/core/ticketing/untrusted-text.ts';
import { postfixBounce } from '../helpers/synthetic.ts';

const HIDDEN_OR_BREAKING = /[\p{Cc}\u2028\u2029\u200B-\u200F\u202A-\u202E\u2066-\u2069]/u;
const VIEWER = 'https://viewer.example.jp';

/** A forger's bounce: Markdown links and images, HTML, bidi overrides and line breaks in every field. */
function hostileBounce(): string {
  return postfixBounce({
    words:
      '550 5.1.1 \u202Egnp.exe\u202C unknown\u0007 user\u2028[verify your account](https://evil.example/login) ![](https://evil.example/pixel.gif) <a href="https://evil.example">x</a> www.evil.example',
    originalSubject: 'Invoice [pay here](https://evil.example/pay) <img src=https://evil.example/t.gif>',
  })
    .replace('Remote-MTA: dns; mx.example.net', 'Remote-MTA: dns; mx.example.net\u2029\u202Eevil')
    .replace(
      'Date: Thu, 29 Apr 2021 23:45:32 +0900 (JST)',
      'Date: Thu, 29 Apr 2021 23:45:32 +0900 \u202E(JST)',
    )
    .replace('Message-ID: <order-1@example.jp>', 'Message-ID: <order-1@example.jp>\u0001');
}

async function hostileDraft(): Promise<TicketDraft> {
  const report = await decodeBounce(Buffer.from(hostileBounce()));
  return buildTicketDraft({
    sesMessageId: 'hostile0001',
    report,
    diagnosis: diagnoseReport(report),
    verdicts: {},
    links: {
      original: `${VIEWER}/o/v2.0.o.1.aWQ.sig`,
      rawBounce: `${VIEWER}/r/v2.0.r.1.aWQ.sig`,
      expiresAt: '2026-12-27T09:15:04.000Z',
    },
  });
}

function stringLeaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, `${path}.${k}`));
  }
  return [];
}

describe('every mail-derived field of a ticket is one line (finding 14)', () => {
  it('recipients, the original and the bounce: no control, line-separator or bidi-override character', async () => {
    const draft = await hostileDraft();
    const { recipients, original, bounce, title } = draft;
    const leaves = stringLeaves({ title, recipients, original, bounce });
    expect(leaves.length).toBeGreaterThan(10);
    expect(leaves.filter(([, text]) => HIDDEN_OR_BREAKING.test(text))).toEqual([]);
    expect(recipients[0]?.diagnosticCode).toContain('gnp.exe unknown user [verify your account]');
    expect(recipients[0]?.remoteMta).not.toMatch(/\s{2}/);
  });
});

describe('Zendesk gets an internal note in escaped HTML (finding 1)', () => {
  it('the mail words are quoted text: no link, image or tag of theirs; our two viewer links are the only links', async () => {
    const draft = await hostileDraft();
    const { ticket } = zendesk.payload(draft) as ZendeskTicketPayload;
    expect(ticket.comment.public).toBe(false);
    expect(ticket.comment).not.toHaveProperty('body');
    const html = ticket.comment.html_body;
    const hrefs = [...html.matchAll(/<a\b[^>]*href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual([`${VIEWER}/o/v2.0.o.1.aWQ.sig`, `${VIEWER}/r/v2.0.r.1.aWQ.sig`]);
    expect(html).not.toMatch(/<img|<script|https?:\/\/evil|www\.evil/i);
    expect(html).toContain('[verify your account](https[:]//evil.example/login)');
    expect(html).toContain('&lt;a href=&quot;https[:]//evil.example&quot;&gt;x&lt;/a&gt;');
    expect(html).toContain('www[.]evil.example');
    // Every tag in the note is one of ours.
    const tags = new Set([...html.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(['a', 'code', 'p', 'strong']);
  });

  it('the HTML says what the text says', async () => {
    const draft = await hostileDraft();
    const text = ticketBodyHtml(draft)
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    for (const line of draft.body.split('\n').filter((l) => l.trim() && !/https?:\/\//.test(l))) {
      expect(text).toContain(line.trim());
    }
  });
});

describe('the untrusted-text helpers', () => {
  it.each([
    ['a\r\nb\tc\u2028d', 'a b c d'],
    ['\u202Etxt.exe\u202C', 'txt.exe'],
    ['zero\u200Bwidth', 'zerowidth'],
    ['  many    spaces  ', 'many spaces'],
  ])('plainLine(%j) = %j', (input, output) => {
    expect(plainLine(input)).toBe(output);
  });

  it('plainLine cuts at a number of characters, not code units', () => {
    expect(plainLine('日本語のテキスト', 4)).toBe('日本語…');
  });

  it('escapeHtml and untrustedHtml leave no markup', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;',
    );
    expect(untrustedHtml('see https://x.example/a?b=1&c=2\n')).toBe(
      '<code>see https[:]//x.example/a?b=1&amp;c=2</code>',
    );
  });

  it('defangUrls breaks schemes and www., whatever their case', () => {
    expect(defangUrls('HTTPS://a.example hxxp javascript://x WWW.b.example mailto:x@y')).toBe(
      'HTTPS[:]//a.example hxxp javascript[:]//x WWW[.]b.example mailto:x@y',
    );
  });

  it.each([
    ['[click](https://evil.example)', '`[click](https://evil.example)`'],
    ['a `tick` b', '``a `tick` b``'],
    ['`edge', '`` `edge ``'],
    ['', ''],
  ])('markdownCode(%j) = %j', (input, output) => {
    expect(markdownCode(input)).toBe(output);
  });
});
