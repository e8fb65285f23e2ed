// The `mail` ticket system's pure side: its settings, the mail a draft becomes (subject, threading,
// Message-ID, extra headers), the message ids read from hostile headers, and how our own mail is known.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeTicketMail } from '../../lambda/adapters/tickets/mail-transport.ts';
import { TICKET_SYSTEMS } from '../../lambda/adapters/tickets/systems/index.ts';
import { createMailTicketClient } from '../../lambda/adapters/tickets/ticket-client.ts';
import { bounceConfigFromEnv, type TicketMailSettings } from '../../lambda/contracts/bounce.ts';
import { DEFAULT_SUBJECT_MARKER } from '../../lambda/contracts/bounce-variables.ts';
import { ConfigError } from '../../lambda/contracts/errors.ts';
import { decodeBounce } from '../../lambda/core/decode.ts';
import { ownMailEvidence } from '../../lambda/core/handling/own-mail.ts';
import { messageIdsIn } from '../../lambda/core/mail/message-ids.ts';
import type { TicketDraft } from '../../lambda/core/ticketing/ticket.ts';
import { budgetSummaryNotice } from '../../lambda/core/ticketing/ticket-budget.ts';
import { buildTicketMail } from '../../lambda/core/ticketing/ticket-mail.ts';
import { FIXTURES } from '../helpers/corpus.ts';
import { sampleDraft } from '../helpers/ticket-drafts.ts';
import { dsnReturning } from '../helpers/ticket-mails.ts';

const SETTINGS: TicketMailSettings = {
  to: 'support@acme.example',
  from: 'bounce-doctor@bounces.example.com',
  subjectMarker: DEFAULT_SUBJECT_MARKER,
  autoSubmitted: false,
};

const ENV = {
  BUCKET_NAME: 'bounce-mail',
  IDEMPOTENCY_TABLE: 'bounce-idempotency',
  LINK_KEY_SECRET_ID: 'bounce-doctor/link-key',
  VIEWER_BASE_URL: 'https://viewer.example.jp/',
  TICKET_API_KIND: 'mail',
  TICKET_MAIL_TO: 'support@acme.example',
  TICKET_MAIL_FROM: 'bounce-doctor@bounces.example.com',
};

function withOriginal(
  draft: TicketDraft,
  original: Partial<NonNullable<TicketDraft['original']>>,
): TicketDraft {
  return { ...draft, original: { subject: 'ご注文', headersOnly: false, ...draft.original, ...original } };
}

describe('settings', () => {
  it('kind mail needs no ticket API URL nor token; no marker set (the mail takes the default), Auto-Submitted is off', () => {
    expect(bounceConfigFromEnv(ENV).ticketApi).toEqual({
      kind: 'mail',
      timeoutMs: 10_000,
      maxAttempts: 4,
      budgetPerHour: 100,
      mail: { to: SETTINGS.to, from: SETTINGS.from, autoSubmitted: false },
    });
  });

  it('an empty marker means none; Auto-Submitted on when asked', () => {
    const { ticketApi } = bounceConfigFromEnv({
      ...ENV,
      TICKET_MAIL_SUBJECT_MARKER: '',
      TICKET_MAIL_AUTO_SUBMITTED: 'true',
    });
    expect(ticketApi).toMatchObject({ mail: { subjectMarker: '', autoSubmitted: true } });
  });

  it.each([
    ['TICKET_MAIL_TO', { TICKET_MAIL_TO: undefined }, 'TICKET_MAIL_TO: is required'],
    ['TICKET_MAIL_FROM', { TICKET_MAIL_FROM: 'bounce-doctor' }, 'must be an e-mail address'],
    ['TICKET_MAIL_AUTO_SUBMITTED', { TICKET_MAIL_AUTO_SUBMITTED: 'yes' }, 'must be true or false'],
  ])('an error that names %s', (setting, change, message) => {
    const error = (() => {
      try {
        bounceConfigFromEnv({ ...ENV, ...change });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).setting).toBe(setting);
    expect((error as Error).message).toContain(message);
  });
});

describe('the ticket mail', () => {
  it('answers the returned original: Re: subject, marker, In-Reply-To, References, our Message-ID', async () => {
    const mail = buildTicketMail(await sampleDraft('lhost-postfix-63.eml', 'ses-0001'), SETTINGS);
    expect(mail).toMatchObject({
      from: SETTINGS.from,
      to: SETTINGS.to,
      subject: 'Re: ニャーン [bounce: mailbox-full]',
      messageId: '<bounce-doctor.ses-0001@bounces.example.com>',
      inReplyTo: '<BA77602D-7E1E-4C1B-92C9-4A2324E3E141@example.jp>',
      references: ['<BA77602D-7E1E-4C1B-92C9-4A2324E3E141@example.jp>'],
      headers: { 'X-Bounce-Doctor-Ticket': 'ses-0001' },
    });
    expect(mail.text.startsWith('[mailbox-full] ニャーン\n')).toBe(true);
  });

  it.each([
    ['the default marker', DEFAULT_SUBJECT_MARKER, 'Re: ご注文 [bounce: mailbox-full]'],
    ['a marker of its own', '【不達:{category}】', 'Re: ご注文 【不達:mailbox-full】'],
    ['no marker', '', 'Re: ご注文'],
  ])('%s', async (_, subjectMarker, subject) => {
    const draft = withOriginal(await sampleDraft(), { subject: 'ご注文' });
    expect(buildTicketMail(draft, { ...SETTINGS, subjectMarker }).subject).toBe(subject);
  });

  it('marks an untrusted bounce after the subject, keeping "Re: <subject>" first', async () => {
    const draft = await sampleDraft();
    const untrusted: TicketDraft = {
      ...draft,
      trust: { trusted: false, problems: ['no-original-message-id'] },
    };
    expect(buildTicketMail(untrusted, SETTINGS).subject).toBe(
      'Re: ニャーン [bounce: mailbox-full] [untrusted]',
    );
  });

  it('sets Auto-Submitted only when asked', async () => {
    const draft = await sampleDraft();
    expect(buildTicketMail(draft, SETTINGS).headers).not.toHaveProperty('Auto-Submitted');
    expect(buildTicketMail(draft, { ...SETTINGS, autoSubmitted: true }).headers).toMatchObject({
      'Auto-Submitted': 'auto-generated',
    });
  });

  it('keeps the first and the last 19 of a long References', async () => {
    const references = Array.from({ length: 40 }, (_, i) => `<r${i}@example.jp>`);
    const draft = withOriginal(await sampleDraft(), { messageId: '<last@example.jp>', references });
    const mail = buildTicketMail(draft, SETTINGS);
    expect(mail.references).toHaveLength(20);
    expect(mail.references[0]).toBe('<r0@example.jp>');
    expect(mail.references.slice(-2)).toEqual(['<r39@example.jp>', '<last@example.jp>']);
  });

  it('a malformed Message-ID starts a new conversation, titled as the tickets are', async () => {
    const draft = withOriginal(await sampleDraft(), { messageId: 'not an id\r\nBcc: victim@example.net' });
    const mail = buildTicketMail(draft, SETTINGS);
    expect(mail.inReplyTo).toBeUndefined();
    expect(mail.references).toEqual([]);
    expect(mail.subject).toBe(draft.title);
  });

  it('composes multipart/alternative with CRLF line ends, the threading headers and no header injection', async () => {
    const draft = withOriginal(await sampleDraft(), { subject: 'x\r\nBcc: victim@example.net' });
    const raw = (
      await composeTicketMail(buildTicketMail(draft, SETTINGS), new Date('2026-11-27T09:15:04Z'))
    ).toString('utf8');
    const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(head).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(head).toMatch(/^In-Reply-To: <BA77602D-7E1E-4C1B-92C9-4A2324E3E141@example\.jp>$/m);
    expect(head).toMatch(/^Date: Fri, 27 Nov 2026 09:15:04 \+0000$/m);
    expect(head).not.toMatch(/^Bcc:/im);
    expect(raw.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('a notice (the hourly budget summary)', () => {
  it('is a new conversation to the helpdesk, with its own Message-ID and our words in both parts', async () => {
    const sent: Buffer[] = [];
    const client = createMailTicketClient({
      system: TICKET_SYSTEMS.mail,
      settings: SETTINGS,
      transport: {
        send: async (raw) => {
          sent.push(raw);
          return `sent-${sent.length}`;
        },
      },
    });
    const notice = budgetSummaryNotice('2026-11-27T09', 100);
    expect(await client.postNotice(notice)).toEqual({ id: 'sent-1' });
    const mail = await simpleParser(sent[0] as Buffer);
    expect(mail.subject).toBe(notice.title);
    expect(mail.messageId).toBe('<bounce-doctor.ticket-budget-2026-11-27T09@bounces.example.com>');
    expect(mail.inReplyTo).toBeUndefined();
    expect(mail.text).toContain('bounce-doctor replay --s3 --since 2026-11-27T09:00:00Z');
    expect(mail.html).toContain('<p>bounce-doctor replay --s3 --since 2026-11-27T09:00:00Z');
  });
});

describe('message ids in hostile headers', () => {
  it('only well-formed ids, in order, without repeats', () => {
    expect(messageIdsIn('<a@x> junk <b c@x> <no-at> <<d@x>> <a@x> <e@x>(comment) <f@x\r\n>')).toEqual([
      '<a@x>',
      '<d@x>',
      '<e@x>',
    ]);
  });

  it('a megabyte of angle brackets and at signs is read at once (linear)', () => {
    const started = performance.now();
    expect(messageIdsIn(`<${'a@'.repeat(250_000)}`.repeat(2))).toEqual([]);
    expect(messageIdsIn('<@'.repeat(500_000))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('our own mail, known when it comes back', () => {
  const ack = readFileSync(join(FIXTURES, 'mail-ticket', 'helpdesk-ack.eml'));

  it('received for the ticket sender (case aside)', async () => {
    const report = await decodeBounce(ack);
    expect(
      ownMailEvidence({
        report,
        rawBounce: ack,
        envelopeRecipients: ['Bounce-Doctor@Bounces.Example.com'],
        ticketSender: SETTINGS.from,
      }),
    ).toBe('addressed-to-ticket-sender');
    expect(
      ownMailEvidence({
        report,
        rawBounce: ack,
        envelopeRecipients: ['bounces@example.com'],
        ticketSender: SETTINGS.from,
      }),
    ).toBeUndefined();
  });

  it('returning a ticket mail (by its header or its Message-ID), or answering one', async () => {
    const byHeader = dsnReturning({ original: 'X-Bounce-Doctor-Ticket: ses-1\r\nSubject: x\r\n\r\nbody' });
    const byId = dsnReturning({
      original: 'Message-ID: <bounce-doctor.ses-1@bounces.example.com>\r\nSubject: x\r\n\r\nbody',
    });
    const answer = Buffer.from(
      'From: agent@acme.example\r\nIn-Reply-To: <bounce-doctor.ses-1@bounces.example.com>\r\nSubject: Re: x\r\n\r\nok\r\n',
    );
    for (const raw of [byHeader, byId, answer]) {
      expect(ownMailEvidence({ report: await decodeBounce(raw), rawBounce: raw })).toBe(
        'returns-ticket-mail',
      );
    }
    const customer = dsnReturning({ original: 'Message-ID: <order-1@example.jp>\r\nSubject: x\r\n\r\nbody' });
    expect(ownMailEvidence({ report: await decodeBounce(customer), rawBounce: customer })).toBeUndefined();
  });
});
