// Keeps test/fixtures/replies.tsv well formed: columns, reason names, code shapes, described sources,
// no duplicates, and the breadth the table exists to prove. What the classifier answers is not checked here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REASONS, type Reason } from '../lambda/core/types.ts';

const TABLE = new URL('./fixtures/replies.tsv', import.meta.url);
const README = new URL('./fixtures/replies.README.md', import.meta.url);

const HEADER = ['text', 'reason', 'status', 'replyCode', 'command', 'source', 'note'];
const COMMANDS = ['', 'CONN', 'HELO', 'EHLO', 'STARTTLS', 'AUTH', 'MAIL', 'RCPT', 'DATA'];
const CORPUS_SOURCE = /^(corpus:[a-z0-9-]+)\/[A-Za-z0-9._-]+\.eml$/;

/** Reasons no server answers with: they come from reports, auto-replies or the decoder itself. */
const NOT_SERVER_REPLIES: readonly Reason[] = ['delivered', 'feedback', 'vacation', 'onhold', 'undefined'];

interface Row {
  line: number;
  fields: string[];
}

function tableRows(): { header: string[]; rows: Row[] } {
  const lines = readFileSync(TABLE, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const data = lines.map((text, i) => ({ line: i + 1, text })).filter((l) => !l.text.startsWith('#'));
  const [head, ...rest] = data;
  return {
    header: head ? head.text.split('\t') : [],
    rows: rest.map((l) => ({ line: l.line, fields: l.text.split('\t') })),
  };
}

/** Source ids are the first column of the table in the README's "Sources" section, written as `id`. */
function describedSources(): Set<string> {
  const readme = readFileSync(README, 'utf8');
  const section = readme.slice(readme.indexOf('\n## Sources\n')).split(/\n## (?!Sources)/)[0] ?? '';
  const ids = section
    .split('\n')
    .map((l) => /^\| `([a-z0-9][a-z0-9:.-]*)` \|/.exec(l)?.[1])
    .filter((id): id is string => id !== undefined);
  return new Set(ids);
}

/** The id a row is counted under: a corpus file counts as its corpus. */
function sourceGroup(source: string): string {
  return CORPUS_SOURCE.exec(source)?.[1] ?? source;
}

const { header, rows } = tableRows();
const field = (row: Row, name: string): string => row.fields[HEADER.indexOf(name)] ?? '';
const where = (row: Row): string => `line ${row.line}: ${row.fields[0]}`;

describe('replies.tsv format', () => {
  it('starts with the column header', () => {
    expect(header).toEqual(HEADER);
  });

  it('has seven tab-separated fields on every line', () => {
    expect(rows.filter((r) => r.fields.length !== HEADER.length).map(where)).toEqual([]);
  });

  it('has a text on every line, trimmed, without control characters', () => {
    const hasControl = (t: string) => [...t].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
    const bad = rows.filter((r) => {
      const t = field(r, 'text');
      return t === '' || t !== t.trim() || hasControl(t);
    });
    expect(bad.map(where)).toEqual([]);
  });

  it('names only reasons of the typed Reason union', () => {
    const known = new Set<string>(REASONS);
    expect(rows.filter((r) => !known.has(field(r, 'reason'))).map(where)).toEqual([]);
  });

  it('writes status codes as class.subject.detail and reply codes as three digits', () => {
    const badStatus = rows.filter((r) => !/^([245]\.\d{1,3}\.\d{1,3})?$/.test(field(r, 'status')));
    const badReply = rows.filter((r) => !/^([245]\d\d)?$/.test(field(r, 'replyCode')));
    expect([...badStatus, ...badReply].map(where)).toEqual([]);
  });

  it('gives the reply code a text starts with', () => {
    const disagree = rows.filter((r) => {
      const lead = /^(\d{3})[ -]/.exec(field(r, 'text'))?.[1];
      return lead !== undefined && lead !== field(r, 'replyCode');
    });
    expect(disagree.map(where)).toEqual([]);
  });

  it('names only SMTP commands a reply can answer', () => {
    expect(rows.filter((r) => !COMMANDS.includes(field(r, 'command'))).map(where)).toEqual([]);
  });

  it('cites only sources the README describes, and the README describes no unused source', () => {
    const described = describedSources();
    const used = new Set(rows.map((r) => sourceGroup(field(r, 'source'))));
    expect([...used].filter((s) => !described.has(s))).toEqual([]);
    expect([...described].filter((s) => !used.has(s))).toEqual([]);
  });

  it('holds each text once', () => {
    const seen = new Map<string, number>();
    const dups = rows.filter((r) => {
      const text = field(r, 'text');
      const first = seen.get(text);
      seen.set(text, first ?? r.line);
      return first !== undefined;
    });
    expect(dups.map(where)).toEqual([]);
  });
});

describe('replies.tsv breadth', () => {
  it('holds at least 600 replies from at least 10 sources', () => {
    expect(rows.length).toBeGreaterThanOrEqual(600);
    expect(new Set(rows.map((r) => sourceGroup(field(r, 'source')))).size).toBeGreaterThanOrEqual(10);
  });

  it('takes at most a quarter of its lines from the development corpora', () => {
    const fromCorpora = rows.filter((r) => field(r, 'source').startsWith('corpus:')).length;
    expect(fromCorpora / rows.length).toBeLessThanOrEqual(0.25);
  });

  it('has several wordings for every reason a server answers with', () => {
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(field(r, 'reason'), (counts.get(field(r, 'reason')) ?? 0) + 1);
    const thin = REASONS.filter(
      (reason) => !NOT_SERVER_REPLIES.includes(reason) && (counts.get(reason) ?? 0) < 5,
    );
    expect(thin).toEqual([]);
  });
});
