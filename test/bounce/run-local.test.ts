// `npm start` (bounce-doctor run-local) as a user runs it: a child process over the bundled samples,
// no AWS, every ticket printed, exit 0, and nothing left running (the process ends by itself).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers/cli.ts';

const run = promisify(execFile);

async function runLocal(...args: string[]) {
  const env = { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: 'none' };
  return run(process.execPath, [CLI, 'run-local', ...args], {
    cwd: ROOT,
    env,
    timeout: 20_000,
  });
}

describe('npm start (run-local)', () => {
  it('prints a ticket for each sample bounce with category, recipients, ja+en remedy and both links', async () => {
    const { stdout, stderr } = await runLocal('examples/bounces');
    const blocks = stdout.split('\n\n').filter((block) => / → ticket LOCAL-\d+\n/.test(block));
    expect(blocks).toHaveLength(7);
    for (const block of blocks) {
      expect(block).toMatch(/\n {2}title: {6}\[[a-z-]+\] \S/);
      expect(block).toMatch(/\n {2}category: {3}[a-z-]+ \(reason [a-z]+; [a-z-]+\)/);
      expect(block).toMatch(/\n {4}- \S+@\S+: [a-z]+/);
      expect(block).toMatch(/\n {2}remedy ja: {2}.*[ぁ-んァ-ン一-龥]/);
      expect(block).toMatch(/\n {2}remedy en: {2}[A-Z]/);
      expect(block).toMatch(/\n {2}original: {3}https:\/\/viewer\.bounce-doctor\.example\/o\/v2\.0\.o\./);
      expect(block).toMatch(/\n {2}raw bounce: https:\/\/viewer\.bounce-doctor\.example\/r\/v2\.0\.r\./);
    }
    expect(stdout).toContain('lhost-postfix-63.eml → ticket');
    expect(stdout).toContain('[mailbox-full] ニャーン');
    expect(stdout).toContain('rfc3834-02.eml → no ticket: the mail is an automatic reply');
    expect(stdout).toContain('7 tickets posted, 1 mail(s) without a ticket, 0 failed.');
    expect(stderr).toBe('');
  });

  it('--keep stores the originals and the raw bounces with their headers in a folder', async () => {
    const keep = mkdtempSync(join(tmpdir(), 'bd-keep-'));
    await runLocal('--keep', keep, 'examples/bounces/lhost-postfix-63.eml');
    const headers = JSON.parse(readFileSync(join(keep, 'originals', 'lhost-postfix-63.eml.json'), 'utf8'));
    expect(headers).toEqual({
      contentType: 'message/rfc822',
      contentDisposition: `attachment; filename="message.eml"; filename*=UTF-8''%E3%83%8B%E3%83%A3%E3%83%BC%E3%83%B3.eml`,
    });
    expect(readFileSync(join(keep, 'originals', 'lhost-postfix-63.eml'), 'utf8')).toContain('Subject:');
    // The raw bounce beside it, for the /r/ link.
    expect(readFileSync(join(keep, 'originals', 'lhost-postfix-63.bounce.eml'))).toEqual(
      readFileSync(join(ROOT, 'examples', 'bounces', 'lhost-postfix-63.eml')),
    );
    expect(
      JSON.parse(readFileSync(join(keep, 'originals', 'lhost-postfix-63.bounce.eml.json'), 'utf8')),
    ).toMatchObject({
      contentDisposition: expect.stringContaining('Undelivered Mail Returned to Sender.eml'),
    });
  });

  it('--ticket mail writes each ticket mail as an .eml file and prints its path and threading', async () => {
    const keep = mkdtempSync(join(tmpdir(), 'bd-mail-'));
    try {
      const { stdout } = await runLocal('--ticket', 'mail', '--keep', keep, 'examples/bounces');
      const path = join(keep, 'mail', 'lhost-postfix-63.eml');
      expect(stdout).toContain(`lhost-postfix-63.eml → ticket mail ${path}\n`);
      expect(stdout).toContain('  subject:     Re: ニャーン [bounce: mailbox-full]');
      expect(stdout).toContain('  in-reply-to: <BA77602D-7E1E-4C1B-92C9-4A2324E3E141@example.jp>');
      expect(stdout).toContain('rfc3834-02.eml → no ticket: the mail is an automatic reply');
      expect(stdout).toContain('7 tickets posted, 1 mail(s) without a ticket, 0 failed.');
      const mail = await simpleParser(readFileSync(path));
      expect(mail).toMatchObject({
        subject: 'Re: ニャーン [bounce: mailbox-full]',
        inReplyTo: '<BA77602D-7E1E-4C1B-92C9-4A2324E3E141@example.jp>',
        messageId: '<bounce-doctor.lhost-postfix-63@bounces.example>',
      });
      expect(mail.text).toContain("The recipient's mailbox is full.");
      expect(mail.html).toContain('<p>The recipient&#39;s mailbox is full.</p>');
    } finally {
      rmSync(keep, { recursive: true, force: true });
    }
  });
});
