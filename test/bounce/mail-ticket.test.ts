// The `mail` ticket system through the bounce Lambda's real entry (lambda/handlers/bounce.ts, configured
// from the environment) against s3rver, dynalite and the stand-in for Secrets Manager and SES: every mail
// it sends is parsed back with mailparser and read as a helpdesk reads it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { localLambdaContext } from '../../lambda/adapters/local-context.ts';
import type { BounceHandler } from '../../lambda/handlers/bounce-handler.ts';
import { type BounceWorld, BUCKET, captureOutput, startBounceWorld, TABLE } from '../helpers/bounce-world.ts';
import { launchChromium } from '../helpers/browser.ts';
import { FIXTURES } from '../helpers/corpus.ts';
import { sesEvent } from '../helpers/ses-events.ts';
import { EXAMPLES } from '../helpers/ticket-drafts.ts';
import { dsnReturning, headerText, referencesOf, sentMails, sesEventTo } from '../helpers/ticket-mails.ts';

const VIEWER = 'https://viewer.example.jp';
const HELPDESK = 'support@acme.example';
const SENDER = 'bounce-doctor@bounces.example.com';

let world: BounceWorld;
let handler: BounceHandler;
let output: string[] = [];

beforeAll(async () => {
  world = await startBounceWorld();
  world.aws.secrets.set('bounce-doctor/link-key', 'k3y-for-links-7Qw9Zr2Lx8Vb4Nm6Pt1Hs5Jd0Fg3Ky8C');
  Object.assign(process.env, world.awsEnv, {
    BUCKET_NAME: BUCKET,
    IDEMPOTENCY_TABLE: TABLE,
    TICKET_API_KIND: 'mail',
    TICKET_MAIL_TO: HELPDESK,
    TICKET_MAIL_FROM: SENDER,
    LINK_KEY_SECRET_ID: 'bounce-doctor/link-key',
    VIEWER_BASE_URL: VIEWER,
    TICKET_TIMEOUT_MS: '2000',
    TICKET_MAX_ATTEMPTS: '2',
    POWERTOOLS_SERVICE_NAME: 'bounce-doctor-bounce',
  });
  output = captureOutput();
  ({ handler } = await import('../../lambda/handlers/bounce.ts'));
});

afterAll(async () => {
  vi.restoreAllMocks();
  await world?.close();
});

const put = (id: string, body: Uint8Array | string) => world.putIncoming(id, body);
const run = (id: string) => handler(sesEvent(id), localLambdaContext());
const example = (file: string) => readFileSync(join(EXAMPLES, file));

async function onlyMail(id: string) {
  const mails = await sentMails(world.aws, id);
  expect(mails).toHaveLength(1);
  return mails[0] as (typeof mails)[number];
}

describe('a bounce becomes one mail that replies to the returned original', () => {
  it('threads by In-Reply-To and References, Re: subject with the marker, text and HTML, Japanese then English', async () => {
    await put('mt0001', example('lhost-postfix-63.eml'));
    const outcome = await run('mt0001');
    expect(outcome).toMatchObject({ action: 'ticketed', category: 'mailbox-full', originalStored: true });
    const { source, destinations, raw, parsed } = await onlyMail('mt0001');
    // The stand-in answers with its own message id, as SES does: it becomes the ticket id.
    expect(outcome).toMatchObject({ ticketId: expect.stringMatching(/^m-\d+$/) });
    expect({ source, destinations }).toEqual({ source: SENDER, destinations: [HELPDESK] });

    expect(parsed.inReplyTo).toBe('<BA77602D-7E1E-4C1B-92C9-4A2324E3E141@example.jp>');
    expect(referencesOf(parsed)).toEqual(['<BA77602D-7E1E-4C1B-92C9-4A2324E3E141@example.jp>']);
    expect(parsed.subject).toBe('Re: ニャーン [bounce: mailbox-full]');
    expect(parsed.messageId).toBe('<bounce-doctor.mt0001@bounces.example.com>');
    expect(parsed.from?.value).toEqual([{ name: 'bounce-doctor', address: SENDER }]);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : []).toEqual([
      { name: '', address: HELPDESK },
    ]);
    expect(headerText(parsed, 'content-type')).toBe('multipart/alternative');
    expect(headerText(parsed, 'x-bounce-doctor-ticket')).toBe('mt0001');
    // Zendesk suspends mail that says it was generated automatically: not sent unless asked for.
    expect(parsed.headers.has('auto-submitted')).toBe(false);
    expect(parsed.headers.has('precedence')).toBe(false);
    const text = raw.toString('latin1');
    expect(text.indexOf('Content-Type: text/plain')).toBeLessThan(text.indexOf('Content-Type: text/html'));

    const plain = parsed.text ?? '';
    for (const words of [
      '宛先のメールボックスが容量いっぱいです。',
      "The recipient's mailbox is full.",
      'neko@nyaaan.example.org — mailboxfull, 5.2.2 552',
      'server said:',
      `${VIEWER}/o/`,
      `${VIEWER}/r/`,
    ]) {
      expect(plain).toContain(words);
    }
    expect(plain.indexOf('宛先のメールボックス')).toBeLessThan(plain.indexOf("The recipient's mailbox"));
    const html = parsed.html || '';
    expect(html).toContain('<p>宛先のメールボックスが容量いっぱいです。</p>');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<a href="${VIEWER}/o/`);
    expect(html).toContain(`<a href="${VIEWER}/r/`);
  });

  it('References: the original conversation (well-formed ids only), then the original itself', async () => {
    await put(
      'mt0002',
      dsnReturning({
        original: [
          'Message-ID: <reply-3@support.example.jp>',
          'In-Reply-To: <customer-2@example.net>',
          'References: <customer-1@example.net>\r\n <reply-1@support.example.jp> not-an-id <with space@x> <customer-2@example.net>',
          'From: support@example.jp',
          'To: hanako@docomo.ne.jp',
          'Subject: Re: 返品について',
          '',
          'お返事です。',
        ].join('\r\n'),
      }),
    );
    expect(await run('mt0002')).toMatchObject({ action: 'ticketed', category: 'recipient-unknown' });
    const { parsed } = await onlyMail('mt0002');
    expect(parsed.inReplyTo).toBe('<reply-3@support.example.jp>');
    expect(referencesOf(parsed)).toEqual([
      '<customer-1@example.net>',
      '<reply-1@support.example.jp>',
      '<customer-2@example.net>',
      '<reply-3@support.example.jp>',
    ]);
    // Already a reply: not "Re: Re:".
    expect(parsed.subject).toBe('Re: 返品について [bounce: recipient-unknown]');
  });
});

describe('a bounce without a returned Message-ID starts a new conversation', () => {
  it.each([
    ['no original at all', 'mt0101', readFileSync(join(FIXTURES, 'sisimai', 'lhost-apachejames-01.eml'))],
    [
      'an original without Message-ID',
      'mt0102',
      dsnReturning({ original: 'From: support@example.jp\r\nSubject: 見積書\r\n\r\n本文' }),
    ],
  ])('%s: the ticket title as the subject, no In-Reply-To, no References', async (_, id, bounce) => {
    await put(id, bounce);
    expect(await run(id)).toMatchObject({ action: 'ticketed' });
    const { parsed } = await onlyMail(id);
    expect(parsed.inReplyTo).toBeUndefined();
    expect(parsed.references).toBeUndefined();
    expect(parsed.subject).toMatch(/^\[[a-z-]+\] /);
    expect(parsed.subject).not.toMatch(/^Re:/);
    expect(parsed.messageId).toBe(`<bounce-doctor.${id}@bounces.example.com>`);
  });
});

describe('a hostile bounce', () => {
  const original = [
    'Message-ID: <hostile-0001@attacker.example>',
    'References: <root-1@example.jp> <x>\r\n  junk <thread-2@example.jp>',
    'From: "<b>Boss</b>" <x@attacker.example>',
    'To: victim@example.net',
    'Subject: <script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> 請求書 & "quotes"',
    '',
    'Hello.',
  ].join('\r\n');
  const words =
    '550 5.1.1 User unknown <a href="https://evil.example/phish">click</a> <script>window.__pwned=3</script> <img src=https://evil.example/t.gif>';

  it('reaches the helpdesk as text: escaped in the HTML, the only links are the viewer links', async () => {
    await put('evil0001', dsnReturning({ original, recipient: 'victim@example.net', words }));
    expect(await run('evil0001')).toMatchObject({ action: 'ticketed' });
    const { parsed } = await onlyMail('evil0001');
    expect(parsed.inReplyTo).toBe('<hostile-0001@attacker.example>');
    expect(referencesOf(parsed)).toEqual([
      '<root-1@example.jp>',
      '<thread-2@example.jp>',
      '<hostile-0001@attacker.example>',
    ]);
    const html = parsed.html || '';
    expect(html).not.toMatch(/<script|<img|<b>|="https:\/\/evil/i);
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    // Escaped, and defanged so that no linkifier makes a link of it.
    expect(html).toContain('&lt;a href=&quot;https[:]//evil.example/phish&quot;&gt;');
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toHaveLength(2);
    for (const href of hrefs) expect(href?.startsWith(`${VIEWER}/`)).toBe(true);
    // The plain text part carries the words as text (never markup), their URLs defanged: helpdesks
    // turn URLs in plain text into links.
    expect(parsed.text).toContain('<script>window.__pwned=3</script>');
    expect(parsed.text).toContain('<a href="https[:]//evil.example/phish">');
    expect(parsed.text).not.toMatch(/https:\/\/evil/);
  });

  it('its HTML part, opened in Chromium, runs nothing and loads nothing', async () => {
    const { parsed } = await onlyMail('evil0001');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      await page.route('**/*', (route) => {
        requests.push(route.request().url());
        return route.abort();
      });
      await page.setContent(parsed.html || '', { waitUntil: 'load' });
      expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('script, img, iframe, object, embed').count()).toBe(0);
      expect(await page.locator('a').count()).toBe(2);
      expect(requests).toEqual([]);
      expect(await page.locator('body').textContent()).toContain('<script>window.__pwned=1</script>');
    } finally {
      await browser.close();
    }
  });
});

describe('a failed send', () => {
  it('retried by Lambda carries the same Message-ID, and is sent once more only', async () => {
    await put('retry001', example('lhost-postfix-04.eml'));
    const busy = { status: 500, code: 'InternalFailure', message: 'try again' };
    world.aws.faults.set('SES.SendRawEmail', [busy, busy]);
    await expect(run('retry001')).rejects.toMatchObject({
      name: 'TicketMailError',
      code: 'InternalFailure',
      attempts: 2,
    });
    const ticketed = await run('retry001');
    expect(ticketed).toMatchObject({ action: 'ticketed', ticketId: expect.stringMatching(/^m-\d+$/) });
    expect(await run('retry001')).toEqual(ticketed); // a duplicate delivery: nothing sent
    const sends = await sentMails(world.aws, 'retry001');
    expect(sends).toHaveLength(3); // two refused (the SDK's own retry), one accepted
    expect(new Set(sends.map((s) => s.parsed.messageId))).toEqual(
      new Set(['<bounce-doctor.retry001@bounces.example.com>']),
    );
    // The same mail, but for its links: each run mints them afresh, their expiry counted from that run's
    // second, so a retry in the next second carries other tokens.
    const withoutLinks = (html: string) =>
      html
        .replace(/v2\.[\w-]+\.[or]\.\d+\.[\w-]+\.[\w-]+/g, 'TOKEN')
        .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME');
    expect(new Set(sends.map((s) => withoutLinks(String(s.parsed.html))))).toHaveProperty('size', 1);
  });

  it('refused by SES (an unverified sender) names what to check, and is not retried by the SDK', async () => {
    await put('rej00001', example('lhost-postfix-38.eml'));
    world.aws.faults.set('SES.SendRawEmail', [
      { status: 400, code: 'MessageRejected', message: 'Email address is not verified.' },
    ]);
    await expect(run('rej00001')).rejects.toMatchObject({
      name: 'TicketMailError',
      code: 'MessageRejected',
      message: expect.stringContaining(`is ${SENDER} (or its domain) a verified SES identity`),
    });
    expect(await sentMails(world.aws, 'rej00001')).toHaveLength(1);
  });
});

describe('our own ticket mail coming back is recorded, never ticketed', () => {
  const ack = readFileSync(join(FIXTURES, 'mail-ticket', 'helpdesk-ack.eml'));
  const headOriginals = (id: string) =>
    world.s3Client
      .send(new HeadObjectCommand({ Bucket: BUCKET, Key: `originals/${id}.bounce.eml` }))
      .catch((e) => e);

  it("the helpdesk's acknowledgement, received for the ticket sender: no mail, nothing stored", async () => {
    await put('ack00001', ack);
    const before = (await sentMails(world.aws)).length;
    const outcome = await handler(sesEventTo('ack00001', [SENDER]), localLambdaContext());
    expect(outcome).toMatchObject({
      action: 'own-mail',
      evidence: 'addressed-to-ticket-sender',
      kind: 'auto-reply',
    });
    expect((await sentMails(world.aws)).length).toBe(before);
    expect(await headOriginals('ack00001')).toMatchObject({ name: 'NotFound' });
  });

  it('the same acknowledgement without its envelope (a replay): an automatic reply, skipped', async () => {
    await put('ack00002', ack);
    const before = (await sentMails(world.aws)).length;
    expect(await run('ack00002')).toMatchObject({ action: 'skipped', kind: 'auto-reply' });
    expect((await sentMails(world.aws)).length).toBe(before);
  });

  it('a bounce of a ticket mail (the helpdesk address refused it): an error in the log, no mail', async () => {
    const [sent] = await sentMails(world.aws, 'mt0001');
    if (!sent) throw new Error('mt0001 sent no mail');
    await put('loop0001', dsnReturning({ original: sent.raw.toString('utf8'), recipient: HELPDESK }));
    const before = (await sentMails(world.aws)).length;
    expect(await run('loop0001')).toMatchObject({
      action: 'own-mail',
      evidence: 'returns-ticket-mail',
      kind: 'bounce',
    });
    expect((await sentMails(world.aws)).length).toBe(before);
    const logged = output.filter((line) => line.includes('loop0001')).join('\n');
    expect(logged).toContain('"level":"ERROR"');
    expect(logged).toContain('a ticket mail to the helpdesk seems to have bounced');
  });
});
