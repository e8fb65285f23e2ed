// Times the phases of one nodemailer SMTP session by listening to its transaction log, and keeps the
// greeting, the EHLO reply, the reply to QUIT and the last command sent. Client commands are kept as
// verbs only (AUTH with its mechanism): credentials never get here.
import { performance } from 'node:perf_hooks';
import { format } from 'node:util';
import type { Phase } from '../core/probe/types.ts';

/** The bunyan-style entry nodemailer hands its logger: `tnx` says which side spoke. */
interface LogEntry {
  tnx?: string;
}

/** Commands by their first word; the phase a command starts, when the log is what starts it. */
const COMMANDS: Readonly<Record<string, Phase | undefined>> = {
  EHLO: 'ehlo',
  HELO: 'ehlo',
  LHLO: 'ehlo',
  STARTTLS: 'starttls',
  AUTH: undefined,
  MAIL: undefined,
  RCPT: undefined,
  RSET: undefined,
  QUIT: undefined,
};

export class SessionTimeline {
  readonly timings: Partial<Record<Phase, number>> = {};
  greeting?: string;
  ehlo?: string;
  /** The server's answer to QUIT, which nodemailer's quit() does not hand to its caller. */
  quitReply?: string;
  /** The last command sent, e.g. "EHLO", "AUTH PLAIN", "MAIL FROM": what a time-out was waiting on. */
  lastCommand?: string;
  private current: Phase | undefined;
  private last: Phase | undefined;
  private startedAt = 0;

  /** The phase running now, or the one that ran last: where a failure belongs. */
  get phase(): Phase | undefined {
    return this.current ?? this.last;
  }

  begin(phase: Phase): void {
    this.finish();
    this.current = phase;
    this.last = phase;
    this.startedAt = performance.now();
  }

  finish(): void {
    if (this.current === undefined) return;
    const spent = performance.now() - this.startedAt;
    this.timings[this.current] = Math.round((this.timings[this.current] ?? 0) + spent);
    this.current = undefined;
  }

  /** A logger for SMTPConnection's `logger` option (with `transactionLog: true`). */
  logger(): Record<'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal', (...args: unknown[]) => void> {
    const log = (entry: unknown, message: unknown, ...args: unknown[]) =>
      this.observe(entry as LogEntry, typeof message === 'string' ? format(message, ...args) : '');
    return { trace: log, debug: log, info: log, warn: log, error: log, fatal: log };
  }

  private observe(entry: LogEntry, text: string): void {
    switch (entry.tnx) {
      case 'network':
        // "Connection established" / "Secure connection established": the greeting is awaited next.
        if (/ established to /.test(text)) this.begin('greeting');
        return;
      case 'server':
        this.onReply(text);
        return;
      case 'client':
        this.onCommand(text);
        return;
      case 'smtp':
        if (/upgraded with STARTTLS/i.test(text)) this.finish();
        return;
    }
  }

  private onReply(text: string): void {
    if (this.current === 'greeting') {
      this.greeting = text;
      this.finish();
    } else if (this.current === 'ehlo') {
      this.ehlo = text;
      this.finish();
    } else if (this.current === 'quit') {
      this.quitReply = text;
    }
  }

  private onCommand(text: string): void {
    const [verb = '', argument = ''] = text.toUpperCase().split(' ', 2);
    if (!Object.hasOwn(COMMANDS, verb)) return;
    if (verb === 'AUTH') this.lastCommand = /^[A-Z0-9_-]{1,20}$/.test(argument) ? `AUTH ${argument}` : 'AUTH';
    else if (verb === 'MAIL') this.lastCommand = 'MAIL FROM';
    else if (verb === 'RCPT') this.lastCommand = 'RCPT TO';
    else this.lastCommand = verb;
    const phase = COMMANDS[verb];
    if (phase) this.begin(phase);
  }
}
