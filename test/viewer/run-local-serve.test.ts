// `npm start -- --serve` as a user runs it: the sample bounces through the bounce handler, then the
// viewer serves the printed links on loopback until Ctrl+C (SIGINT), which ends it with exit 0 and
// removes the stored mails.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers/cli.ts';

function start(...args: string[]): ChildProcessWithoutNullStreams {
  const env = { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: 'none' };
  return spawn(process.execPath, [CLI, 'run-local', ...args], {
    cwd: ROOT,
    env,
  });
}

/** Collects stdout until `marker` shows up; the stream stays open (the run writes on when stopped). */
function readUntil(child: ChildProcessWithoutNullStreams, marker: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += String(chunk);
      if (text.includes(marker)) resolve(text);
    });
    child.once('exit', () => reject(new Error(`the run ended before printing "${marker}":\n${text}`)));
  });
}

describe('npm start -- --serve', () => {
  it('serves the printed links until Ctrl+C, then exits 0 and removes the stored mails', async () => {
    const child = start(
      '--serve',
      'examples/bounces/lhost-postfix-63.eml',
      'examples/bounces/rhost-kddi-02.eml',
    );
    const errors: string[] = [];
    child.stderr.on('data', (chunk) => errors.push(String(chunk)));
    const printed = await readUntil(child, 'Press Ctrl+C to stop it.');
    const base = /serving these links at (http:\/\/127\.0\.0\.1:\d+)/.exec(printed)?.[1];
    const original = /original: {3}(\S+)/.exec(printed)?.[1] ?? '';
    const raw = /raw bounce: (\S+)/.exec(printed)?.[1] ?? '';
    expect(original.startsWith(`${base}/o/v2.0.o.`)).toBe(true);
    expect(raw.startsWith(`${base}/r/v2.0.r.`)).toBe(true);

    const page = await fetch(original);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('<title>ニャーン</title>');
    const bounce = await fetch(raw);
    expect(bounce.status).toBe(200);
    expect(await bounce.text()).toContain('mailbox-full');
    const download = await fetch(`${original}/download`);
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="message.eml"; filename*=UTF-8''%E3%83%8B%E3%83%A3%E3%83%BC%E3%83%B3.eml`,
    );
    expect((await fetch(`${base}/o/not-a-token`)).status).toBe(404);

    const folder = /Originals and raw bounces stored in (\S+), removed when the viewer stops/.exec(
      printed,
    )?.[1];
    expect(existsSync(join(String(folder), 'lhost-postfix-63.bounce.eml'))).toBe(true);
    child.kill('SIGINT');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(errors.join('')).toContain('viewer: preview (original lhost-postfix-63)');
    expect(errors.join('')).toContain('viewer: refused (original) malformed');
    await expect(fetch(original)).rejects.toThrow();
    expect(existsSync(String(folder))).toBe(false);
  });
});
