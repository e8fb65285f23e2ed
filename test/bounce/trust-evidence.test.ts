// Trust that works for the real sending paths (issue 13, finding 2), through the Lambda's own wiring
// against s3rver, dynalite, a Secrets Manager stand-in and a ticket API on loopback: the returned
// original's DKIM signature of our domain (checked over its headers: SES and helpdesks write their
// own Message-ID, and bounces return the body cut or not at all); SES's SPF/DMARC verdicts against a
// Message-ID anyone can write; DNS answered from memory (no test leaves loopback); and cdk.json's
// example with the end-to-end test of docs/deploy.md, which must produce its ticket.
import { generateKeyPairSync } from 'node:crypto';
import { text } from 'node:stream/consumers';
import DKIM from 'nodemailer/lib/dkim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TxtLookup } from '../../lambda/adapters/bounce-trust.ts';
import { localLambdaContext } from '../../lambda/adapters/local-context.ts';
import type { BounceOutcome } from '../../lambda/core/handling/outcome.ts';
import type { SesVerdicts } from '../../lambda/core/ses/verdicts.ts';
import type { BounceHandler } from '../../lambda/handlers/bounce-handler.ts';
import { type BounceWorld, startBounceWorld } from '../helpers/bounce-world.ts';
import { buildExampleApp } from '../helpers/cdk-app.ts';
import { sesEvent } from '../helpers/ses-events.ts';
import { dsnAround } from '../helpers/viewer-mails.ts';
import { wiredHandler } from '../helpers/wired-handler.ts';

const RECIPIENT = 'hanako@docomo.ne.jp';

let world: BounceWorld;

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
/** Our DNS: the public key of selector s1 of example.com, as Easy DKIM or a helpdesk publishes it. */
const dns = new Map<string, string[]>([
  [
    's1._domainkey.example.com',
    [`v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`],
  ],
]);
const txt: TxtLookup = async (name) => {
  if (name === 's1._domainkey.broken.example.com')
    throw Object.assign(new Error('queryTxt ESERVFAIL'), { code: 'ESERVFAIL' });
  const records = dns.get(name);
  if (!records) throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  return records;
};

beforeAll(async () => {
  world = await startBounceWorld();
  world.aws.secrets.set('ticket-token', 'tkn');
  world.aws.secrets.set('link-key', 'link-key-0123456789-0123456789-0123456789');
});

afterAll(async () => {
  await world?.close();
});

function handlerWith(trustEnv: Record<string, string>): BounceHandler {
  return wiredHandler(
    world,
    {
      TICKET_API_URL: world.api.url,
      TICKET_TOKEN_SECRET_ID: 'ticket-token',
      LINK_KEY_SECRET_ID: 'link-key',
      VIEWER_BASE_URL: 'https://viewer.example.jp',
      ...trustEnv,
    },
    { txt },
  );
}

async function deliver(
  handler: BounceHandler,
  id: string,
  mail: Buffer,
  verdicts?: SesVerdicts,
): Promise<BounceOutcome> {
  await world.putIncoming(id, mail);
  return handler(sesEvent(id, verdicts), localLambdaContext());
}

/** A message as SES sends it for us: its own Message-ID, our Easy DKIM signature (d=example.com). */
async function sentThroughSes(domain = 'example.com', selector = 's1'): Promise<Buffer> {
  const message = [
    'From: Support <support@example.com>',
    `To: ${RECIPIENT}`,
    'Subject: Your order',
    'Message-ID: <0106018f9a1b2c3d-5e6f7a8b-1c2d-4e5f-8a9b-0c1d2e3f4a5b-000000@ap-northeast-1.amazonses.com>',
    'Date: Mon, 30 Nov 2026 09:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Thank you for your order.',
    '',
  ].join('\r\n');
  const signer = new DKIM({
    domainName: domain,
    keySelector: selector,
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  });
  return Buffer.from(await text(signer.sign(message)));
}

/** A DSN returning only the original's headers (text/rfc822-headers), as many MTAs do. */
function headersOnlyDsn(original: Buffer): Buffer {
  const head = original.subarray(0, original.indexOf('\r\n\r\n') + 2);
  return Buffer.from(
    dsnAround(head, RECIPIENT)
      .toString('latin1')
      .replace('Content-Type: message/rfc822', 'Content-Type: text/rfc822-headers'),
    'latin1',
  );
}

const trustOf = (id: string) =>
  (
    world.api.created.find((r) => (r.body as { externalId?: string }).externalId === id)?.body as {
      trust?: unknown;
    }
  )?.trust;

const OURS = { TRUSTED_MESSAGE_ID_DOMAINS: 'example.com', TRUSTED_DKIM_DOMAINS: 'example.com' };

describe('the returned original signed by our domain (DKIM, checked over its headers)', () => {
  it('mail sent through SES (its own Message-ID) returned whole: trusted by its DKIM signature', async () => {
    expect(
      await deliver(handlerWith(OURS), 'dkim0001', dsnAround(await sentThroughSes(), RECIPIENT)),
    ).toMatchObject({
      action: 'ticketed',
    });
    expect(trustOf('dkim0001')).toEqual({ trusted: true, by: 'dkim' });
  });

  it('only its headers returned: still trusted (the body hash is not needed)', async () => {
    expect(
      await deliver(handlerWith(OURS), 'dkim0002', headersOnlyDsn(await sentThroughSes())),
    ).toMatchObject({
      action: 'ticketed',
    });
    expect(trustOf('dkim0002')).toEqual({ trusted: true, by: 'dkim' });
  });

  it.each([
    [
      'our signature copied onto another recipient',
      async () =>
        (await sentThroughSes()).toString('latin1').replace(`To: ${RECIPIENT}`, 'To: victim@example.net'),
      ['message-id-domain', 'dkim-bad-signature'],
    ],
    [
      'a forger signing with a domain of his own',
      async () => (await sentThroughSes('bulk.evil.example')).toString('latin1'),
      ['message-id-domain', 'dkim-no-signature'],
    ],
    [
      'a signature whose key is not published',
      async () => (await sentThroughSes('example.com', 'gone')).toString('latin1'),
      ['message-id-domain', 'dkim-no-key'],
    ],
  ])('%s: untrusted', async (_what, original, problems) => {
    const id = `dkimbad${problems.at(-1)?.length}`;
    const mail = dsnAround(Buffer.from(await original(), 'latin1'), RECIPIENT);
    expect(await deliver(handlerWith(OURS), id, mail)).toMatchObject({ action: 'untrusted', problems });
  });

  it('a DNS failure is an error (Lambda retries), never an untrusted bounce', async () => {
    const mail = dsnAround(await sentThroughSes('broken.example.com'), RECIPIENT);
    await expect(
      deliver(handlerWith({ TRUSTED_DKIM_DOMAINS: 'example.com' }), 'dkimdns1', mail),
    ).rejects.toThrow(/ESERVFAIL/);
  });
});

describe("SES's verdicts on the bounce", () => {
  it('our Message-ID in a bounce whose SPF or DMARC failed is not trusted', async () => {
    const original = Buffer.from(
      'From: support@example.com\r\nTo: hanako@docomo.ne.jp\r\nSubject: Your order\r\nMessage-ID: <order-7@example.com>\r\n\r\nHello\r\n',
    );
    const handler = handlerWith({ TRUSTED_MESSAGE_ID_DOMAINS: 'example.com' });
    const mail = dsnAround(original, RECIPIENT);
    expect(await deliver(handler, 'spfok001', mail, { spf: 'GRAY', dmarc: 'GRAY' })).toMatchObject({
      action: 'ticketed',
    });
    expect(await deliver(handler, 'spffail1', mail, { spf: 'FAIL' })).toMatchObject({
      action: 'untrusted',
      problems: ['ses-verdict-fail'],
    });
    expect(await deliver(handler, 'dmarcfl1', mail, { dmarc: 'FAIL' })).toMatchObject({
      action: 'untrusted',
    });
  });
});

describe("cdk.json's example and the end-to-end test of docs/deploy.md", () => {
  /** The trust settings the example deploys: read from the synthesized template, as the Lambda gets them. */
  function exampleTrustEnv(): Record<string, string> {
    const { template, stack } = buildExampleApp();
    const id = stack.resolve(
      stack.getLogicalId(stack.bounceHandler.function.node.defaultChild as never),
    ) as string;
    const variables = template.toJSON().Resources[id].Properties.Environment.Variables as Record<
      string,
      unknown
    >;
    return Object.fromEntries(
      Object.entries(variables).filter(
        (entry): entry is [string, string] =>
          /^(TRUSTED_|TICKET_UNTRUSTED|VERP_)/.test(entry[0]) && typeof entry[1] === 'string',
      ),
    );
  }

  /** What `swaks … --header "Message-Id: <bounce-doctor-test-…@example.com>"` sends, as the remote MTA returns it. */
  const swaksMail = (messageId: string) =>
    Buffer.from(
      [
        'Date: Mon, 30 Nov 2026 18:45:00 +0900',
        'To: no-such-user-1764495900@example.org',
        'From: bounce@bounces.example.com',
        'Subject: bounce-doctor test',
        `Message-Id: ${messageId}`,
        'X-Mailer: swaks v20240103.0 jetmore.org/john/code/swaks/',
        '',
        'This is a test mailing',
        '',
      ].join('\r\n'),
    );

  it('the documented test message gets its ticket, trusted by its Message-ID', async () => {
    const handler = handlerWith(exampleTrustEnv());
    const mail = dsnAround(
      swaksMail('<bounce-doctor-test-1764495900@example.com>'),
      'no-such-user-1764495900@example.org',
    );
    expect(await deliver(handler, 'e2e00001', mail)).toMatchObject({ action: 'ticketed' });
    expect(trustOf('e2e00001')).toEqual({ trusted: true, by: 'message-id' });
    const ticket = world.api.created.find(
      (r) => (r.body as { externalId?: string }).externalId === 'e2e00001',
    );
    expect((ticket?.body as { title?: string } | undefined)?.title).toBe(
      '[recipient-unknown] bounce-doctor test',
    );
  });

  it("a real bounce with no evidence (swaks' own Message-ID, no signature) still gets a ticket, marked untrusted", async () => {
    const handler = handlerWith(exampleTrustEnv());
    const mail = dsnAround(
      swaksMail('<20261130184500.012345@laptop.local>'),
      'no-such-user-1764495900@example.org',
    );
    expect(await deliver(handler, 'e2e00002', mail)).toMatchObject({ action: 'ticketed', untrusted: true });
  });
});
