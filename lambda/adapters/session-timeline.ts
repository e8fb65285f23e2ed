// Times the phases of one nodemailer SMTP session by listening to its transaction log, and keeps the
// greeting and EHLO replies. Client commands are kept as verbs only: AUTH arguments never get here.
import { performance } from 'node:perf_hooks';
import { format } from 'node:util';
import type { Phase } from '../core/probe/types.ts';

/** The bunyan-style entry nodemailer hands its logger: `tnx` says which side spoke. */
interface LogEntry {
  tnx?: string;
}

export class SessionTimeline {
  readonly timings: Partial<Record<Phase, number>> = {};
  greeting?: string;
  ehlo?: string;
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
        this.onCommand(text.split(' ', 1)[0]?.toUpperCase() ?? '');
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
    }
  }

  private onCommand(verb: string): void {
    if (verb === 'EHLO' || verb === 'HELO' || verb === 'LHLO') this.begin('ehlo');
    else if (verb === 'STARTTLS') this.begin('starttls');
  }
}
