// Forged bounces through the handler (createBounceHandler with the Lambda's own wiring) against s3rver,
// dynalite, a Secrets Manager stand-in holding the VERP key, and a ticket API on loopback.
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BounceObserver } from '../../lambda/adapters/bounce-observer.ts';
import { localLambdaContext } from '../../lambda/adapters/local-context.ts';
import type { BounceOutcome } from '../../lambda/core/handling/outcome.ts';
import { verpReturnPath } from '../../lambda/core/trust/verp-token.ts';
import type { BounceHandler } from '../../lambda/handlers/bounce-handler.ts';
import { type BounceWorld, BUCKET, startBounceWorld } from '../helpers/bounce-world.ts';
import { bareSesEvent, sesEvent } from '../helpers/ses-events.ts';
import { postfixBounce } from '../helpers/synthetic.ts';
import { startTicketApi, type TicketApi } from '../helpers/ticket-api.ts';
import { QUIET_OBSERVER, wiredHandler } from '../helpers/wired-handler.ts';

const VERP_KEY = 'verp-key-0123456789-0123456789-0123456789';
const RETURN_MAILBOX = 'bounces@bounce.example.jp';

let world: BounceWorld;
let zendesk: TicketApi;
const handled: BounceOutcome[] = [];

const observer: BounceObserver = { ...QUIET_OBSERVER, handled: (outcome) => handled.push(outcome) };

beforeAll(async () => {
  [world, zendesk] = await Promise.all([startBounceWorld(), startTicketApi({ zendesk: true })]);
  world.aws.secrets.set('ticket-token', 'tkn');
  world.aws.secrets.set('link-key', 'link-key-0123456789-0123456789-0123456789');
  world.aws.secrets.set('verp-key', JSON.stringify({ key: VERP_KEY }));
});

afterAll(async () => {
  await Promise.all([world?.close(), zendesk?.close()]);
});

function handlerWith(trustEnv: Record<string, string>): BounceHandler {
  return wiredHandler(
    world,
    {
      TICKET_API_URL: trustEnv.TICKET_API_KIND === 'zendesk' ? zendesk.url : world.api.url,
      TICKET_TOKEN_SECRET_ID: 'ticket-token',
      LINK_KEY_SECRET_ID: 'link-key',
      VIEWER_BASE_URL: 'https://viewer.example.jp',
      ...trustEnv,
    },
    { observer },
  );
}

const TRUST = { TRUSTED_MESSAGE_ID_DOMAINS: 'example.jp', VERP_KEY_SECRET_ID: 'verp-key' };
const ours = postfixBounce({ words: '550 5.1.1 No such user', recipient: 'user@example.net' });
/** A spammer's "bounce": a returned message we never sent. */
const forged = ours.replace('<order-1@example.jp>', '<0f3c9a@bulk.spammer.example>');
/** Sent through an ESP whose Message-IDs are its own: only the signed return path ties it to us. */
const viaEsp = ours.replace('<order-1@example.jp>', '<0100018c.a1b2@email.amazonses.com>');

async function deliver(
  handler: BounceHandler,
  id: string,
  mail: string,
  envelope: string[] = [RETURN_MAILBOX],
): Promise<BounceOutcome> {
  await world.putIncoming(id, mail);
  const event = sesEvent(id) as unknown as { Records: { ses: { receipt: { recipients: string[] } } }[] };
  const record = event.Records[0];
  if (record) record.ses.receipt.recipients = envelope;
  return handler(event, localLambdaContext());
}

const ticketsFor = (id: string) =>
  world.api.created.filter((r) => (r.body as { externalId?: string }).externalId === id);

describe('with trust configured (Message-ID domain and signed VERP), untrusted bounces get no ticket', () => {
  it("our Message-ID in the returned original: ticketed, trust 'message-id'", async () => {
    const outcome = await deliver(handlerWith(TRUST), 'trust0001', ours);
    expect(outcome).toMatchObject({ action: 'ticketed' });
    expect(outcome).not.toHaveProperty('untrusted');
    expect(ticketsFor('trust0001')[0]?.body).toMatchObject({ trust: { trusted: true, by: 'message-id' } });
  });

  it('a forged bounce: stored and counted, no ticket', async () => {
    const outcome = await deliver(handlerWith(TRUST), 'forged0001', forged);
    expect(outcome).toEqual({
      sesMessageId: 'forged0001',
      action: 'untrusted',
      kind: 'bounce',
      category: 'recipient-unknown',
      reason: 'userunknown',
      originalStored: true,
      problems: ['message-id-domain', 'verp-no-token'],
    });
    expect(ticketsFor('forged0001')).toHaveLength(0);
    const stored = await world.s3Client.send(
      new HeadObjectCommand({ Bucket: BUCKET, Key: 'originals/forged0001.eml' }),
    );
    expect(stored.ContentType).toBe('message/rfc822');
    expect(handled.filter((o) => o.sesMessageId === 'forged0001')).toHaveLength(1);
  });

  it("a bounce sent to our signed return path: ticketed, trust 'verp'", async () => {
    const path = verpReturnPath(RETURN_MAILBOX, 'user@example.net', {
      key: VERP_KEY,
      now: new Date(),
      validDays: 30,
    });
    expect(await deliver(handlerWith(TRUST), 'verp0001', viaEsp, [path])).toMatchObject({
      action: 'ticketed',
    });
    expect(ticketsFor('verp0001')[0]?.body).toMatchObject({ trust: { trusted: true, by: 'verp' } });
  });

  it('a signed return path made for another recipient does not vouch for this bounce', async () => {
    const path = verpReturnPath(RETURN_MAILBOX, 'someone-else@example.net', {
      key: VERP_KEY,
      now: new Date(),
      validDays: 30,
    });
    expect(await deliver(handlerWith(TRUST), 'verp0002', viaEsp, [path])).toMatchObject({
      action: 'untrusted',
      problems: ['message-id-domain', 'verp-bad-signature'],
    });
  });

  it("an event that names no envelope (as a replay's mail): the token in the bounce's To header is read", async () => {
    const path = verpReturnPath(RETURN_MAILBOX, 'user@example.net', {
      key: VERP_KEY,
      now: new Date(),
      validDays: 30,
    });
    const mail = viaEsp.replace('To: support@example.jp', `To: ${path}`);
    await world.putIncoming('verp0003', mail);
    expect(await handlerWith(TRUST)(bareSesEvent('verp0003'), localLambdaContext())).toMatchObject({
      action: 'ticketed',
    });
  });
});

describe('TICKET_UNTRUSTED=true: untrusted bounces are ticketed, marked untrusted', () => {
  it('the title, the tags, the trust field and the body say so', async () => {
    const handler = handlerWith({ ...TRUST, TICKET_UNTRUSTED: 'true' });
    expect(await deliver(handler, 'forged0002', forged)).toMatchObject({
      action: 'ticketed',
      untrusted: true,
    });
    const body = ticketsFor('forged0002')[0]?.body as Record<string, unknown>;
    expect(body.title).toBe('[untrusted] [recipient-unknown] Your order');
    expect(body.tags).toContain('untrusted');
    expect(body.trust).toEqual({ trusted: false, problems: ['message-id-domain', 'verp-no-token'] });
    expect(body.body).toContain('This bounce could not be tied to a message we sent: it may be forged.');
  });
});

describe('no trust setting: every bounce is trusted, as before', () => {
  it('the forged bounce is ticketed as any other, and no VERP key is read', async () => {
    const verpReads = () =>
      world.aws.calls.filter(
        (c) => c.action === 'secretsmanager.GetSecretValue' && c.params.SecretId === 'verp-key',
      ).length;
    const before = verpReads();
    expect(await deliver(handlerWith({}), 'forged0003', forged)).toMatchObject({ action: 'ticketed' });
    expect(ticketsFor('forged0003')[0]?.body).toMatchObject({ trust: { trusted: true, by: 'not-checked' } });
    expect(verpReads()).toBe(before);
  });
});

describe('a forged bounce that passes the Message-ID check cannot plant a link or an image (finding 1)', () => {
  it('Zendesk gets an internal note whose only links are our viewer links; the Markdown stays text', async () => {
    const planted = postfixBounce({
      words:
        '550 5.1.1 Your mailbox is locked: [unlock it here](https://evil.example/unlock) ![](https://evil.example/p.gif)',
      recipient: 'user@example.net',
      originalSubject: 'Re: invoice [pay now](https://evil.example/pay)',
    });
    const handler = handlerWith({ ...TRUST, TICKET_API_KIND: 'zendesk' });
    expect(await deliver(handler, 'planted0001', planted)).toMatchObject({ action: 'ticketed' });
    const request = zendesk.created.find(
      (r) => (r.body as { ticket: { external_id: string } }).ticket.external_id === 'planted0001',
    );
    if (!request) throw new Error('no Zendesk ticket for planted0001');
    const { ticket } = request.body as { ticket: { subject: string; comment: Record<string, unknown> } };
    expect(ticket.comment.public).toBe(false);
    expect(ticket.comment.body).toBeUndefined();
    const html = String(ticket.comment.html_body);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toHaveLength(2);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/viewer\.example\.jp\/[or]\/v2\./);
    expect(html).not.toMatch(/<img|https?:\/\/evil/);
    expect(html).toContain('[unlock it here](https[:]//evil.example/unlock)');
    expect(ticket.subject).toBe('[recipient-unknown] Re: invoice [pay now](https://evil.example/pay)');
  });
});
