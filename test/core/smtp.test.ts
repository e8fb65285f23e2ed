// The one SMTP reader (lambda/core/smtp/): the codes, commands and replies that the decoder reads in a
// bounce's quotes and the probe in a live session, in one vocabulary.
import { describe, expect, it } from 'vitest';
import {
  findReplyCode,
  findSmtpReplyCode,
  findStatus,
  isSmtpFailureCode,
  leadingReplyCode,
  statusesIn,
  withoutRepeatedReplyCode,
} from '../../lambda/core/smtp/codes.ts';
import { findCommand, receivedReply, sentCommand } from '../../lambda/core/smtp/commands.ts';
import {
  advertisedAuthMechanisms,
  joinReplyLines,
  parseReply,
  unfoldReply,
} from '../../lambda/core/smtp/replies.ts';
import { settleCodes } from '../../lambda/core/smtp/settle-codes.ts';

describe('codes in a server’s words', () => {
  it('reads enhanced status codes, not versions or addresses', () => {
    expect(findStatus('550 5.1.1 <a@example.net>: user unknown')).toBe('5.1.1');
    expect(findStatus('Postfix 3.5.2.1 on 192.0.2.1')).toBe('');
    expect(statusesIn('451 4.7.650 retried, then 5.0.0')).toEqual(['4.7.650', '5.0.0']);
  });

  it('keeps the code a server wrote, or only the codes the RFCs define', () => {
    const words = '546 Routing loop detected -- too many Received: headers.';
    expect(findReplyCode(words)).toBe('546');
    expect(findSmtpReplyCode(words)).toBe('');
    expect(findSmtpReplyCode('554 5.0.0 Service unavailable; 546 Routing loop')).toBe('554');
  });

  it('prefers the failure to a greeting quoted before it', () => {
    expect(findReplyCode('220 mx.example.com 421 Service refused')).toBe('421');
    expect(findSmtpReplyCode('220-banner 421 4.2.1 busy', '4.2.1')).toBe('421');
  });

  it('knows which failure codes are SMTP', () => {
    expect(['550', '421', '441', '250'].map(isSmtpFailureCode)).toEqual([true, true, false, false]);
  });

  it('reads the code a provider notice puts first', () => {
    expect(leadingReplyCode('550: 5.2.2 <a@example.net>... Mailbox Full')).toBe('550');
    expect(withoutRepeatedReplyCode('550 550 5.1.1 The email account does not exist')).toBe(
      '550 5.1.1 The email account does not exist',
    );
  });
});

describe('the command a reply answered', () => {
  it('from a notice’s words and from a transcript', () => {
    expect(findCommand('host mx.example.net said: 550 5.1.1 unknown (in reply to RCPT TO command)')).toBe(
      'RCPT',
    );
    expect(sentCommand('>>> MAIL FROM:<a@example.org>')).toBe('MAIL');
    expect(sentCommand(' >>> (initial greeting)')).toBe('CONN');
    expect(receivedReply('<<< 550 5.1.1 unknown')).toBe('550 5.1.1 unknown');
  });
});

describe('replies over several lines', () => {
  it('joins a reply quoted as one string, or as lines, keeping the codes once', () => {
    const joined = '550 5.7.1 Messages with multiple addresses';
    expect(joinReplyLines('550-5.7.1 Messages with multiple 550-5.7.1 addresses')).toBe(joined);
    expect(unfoldReply(['550-5.7.1 Messages with multiple', '  550 5.7.1 addresses'])).toBe(joined);
    expect(joinReplyLines('552 of 552 bytes')).toBe('552 of 552 bytes');
  });

  it('splits a live reply into its code, enhanced code and words', () => {
    expect(parseReply('534-5.7.9 Application-specific password required.\n534 5.7.9 Learn more')).toEqual({
      replyCode: 534,
      enhancedCode: '5.7.9',
      text: 'Application-specific password required. Learn more',
    });
    expect(parseReply('not smtp')).toBeUndefined();
  });

  it('lists the AUTH mechanisms of an EHLO reply, including the old AUTH= form', () => {
    expect(advertisedAuthMechanisms('250-mx\n250-AUTH=LOGIN PLAIN\n250 AUTH LOGIN PLAIN CRAM-MD5')).toEqual([
      'LOGIN',
      'PLAIN',
      'CRAM-MD5',
    ]);
    expect(advertisedAuthMechanisms(undefined)).toEqual([]);
  });
});

describe('settling a recipient’s codes', () => {
  it('takes the specific status of the words over a generic field of the same class', () => {
    expect(settleCodes({ status: '5.0.0', diagnosticCode: '550 5.1.1 unknown', replyCode: '550' })).toEqual({
      diagnosticCode: '550 5.1.1 unknown',
      status: '5.1.1',
      replyCode: '550',
    });
  });

  it('gives 551 "user not local" the status RFC 3463 has for it, for a recipient only', () => {
    const moved = { diagnosticCode: '551 User not local; please try <b@example.net>', replyCode: '551' };
    expect(settleCodes({ ...moved, command: 'RCPT' }).status).toBe('5.1.6');
    expect(settleCodes({ ...moved, command: 'MAIL' }).status).toBe('');
  });

  it('drops a reply code of the other class than the status', () => {
    expect(settleCodes({ status: '4.0.0', diagnosticCode: '554 refused', replyCode: '554' }).replyCode).toBe(
      '',
    );
  });
});
