// Damage done to real bounces for the fuzz tests: each mutation is a small plain object (numbers that
// fast-check can shrink) applied to the mail's bytes. Applying one never throws: an index past the
// places it could apply to wraps around, a mail with no such place is returned unchanged.

export const CHARSETS = [
  'x-unknown-charset',
  'utf-7',
  'UTF-16LE',
  'iso-2022-jp',
  'shift_jis',
  'euc-jp',
  'gb18030',
  'windows-1252',
  'iso-8859-99',
  '"',
  '',
  "utf-8''",
  'binary',
] as const;

/** What a 100 KB header line is made of: letters, runs of blanks, encoded words, addresses, parameters. */
export const FILLERS = [
  'a',
  ' ',
  '\t ',
  '=?utf-8?q?a?= ',
  '<a@b.c>, ',
  ';x=',
  '550 5.1.1 ',
  '=?',
  '"\\',
] as const;

/** What a long run without white space is made of (NUL bytes have their own mutation). */
export const RUN_UNITS = ['a', '.', '=', '-', '/', 'a@', '\u00ff', '%', '=?'] as const;

export type Mutation =
  | { kind: 'truncate-at-boundary'; at: number }
  | { kind: 'truncate'; permille: number }
  | { kind: 'flip-bytes'; flips: { at: number; xor: number }[] }
  | { kind: 'drop-boundary'; at: number }
  | { kind: 'double-boundary'; at: number }
  | { kind: 'charset'; at: number; charset: number }
  | { kind: 'break-encoding'; at: number; encoding: 'base64' | 'quoted-printable'; noise: number }
  | {
      kind: 'long-header';
      at: number;
      where: 'top' | 'part' | 'subject' | 'folded';
      filler: number;
      kb: number;
    }
  | { kind: 'nest'; depth: number }
  | { kind: 'nul'; at: number; count: number }
  | { kind: 'run'; at: number; unit: number; count: number }
  | { kind: 'encoded-word'; charset: number; payload: number };

export type MutationKind = Mutation['kind'];

export function applyMutations(mail: Buffer, mutations: readonly Mutation[]): Buffer {
  let text = mail.toString('latin1');
  for (const mutation of mutations) text = applyOne(text, mutation);
  return Buffer.from(text, 'latin1');
}

function applyOne(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'truncate-at-boundary':
      return text.slice(0, pick(partBoundaries(text), m.at) ?? text.length);
    case 'truncate':
      return text.slice(0, Math.floor((text.length * m.permille) / 1000));
    case 'flip-bytes':
      return flipBytes(text, m.flips);
    case 'drop-boundary':
      return editDelimiter(text, m.at, () => '');
    case 'double-boundary':
      return editDelimiter(text, m.at, (line) => line + line);
    case 'charset':
      return setCharset(text, m.at, CHARSETS[m.charset % CHARSETS.length] ?? '');
    case 'break-encoding':
      return breakEncoding(text, m.at, m.encoding, m.noise);
    case 'long-header':
      return longHeader(text, m);
    case 'nest':
      return nest(text, m.depth);
    case 'nul':
      return insertAt(text, m.at, '\0'.repeat(m.count));
    case 'run':
      return insertAt(text, m.at, (RUN_UNITS[m.unit % RUN_UNITS.length] ?? 'a').repeat(m.count));
    case 'encoded-word':
      return encodedWord(text, m.charset, m.payload);
  }
}

/** Offsets where a part begins or ends: each delimiter line, and the end of the top header block. */
export function partBoundaries(text: string): number[] {
  const offsets = new Set<number>(delimiterLines(text).map((line) => line.start));
  const headEnd = text.indexOf('\n\n');
  if (headEnd >= 0) offsets.add(headEnd + 1);
  return [...offsets].sort((a, b) => a - b);
}

interface Line {
  start: number;
  end: number;
}

/** The MIME delimiter lines (`--<boundary>` and `--<boundary>--`) of every boundary the mail declares. */
function delimiterLines(text: string): Line[] {
  const boundaries = new Set<string>();
  for (const match of text.matchAll(/boundary\s*=\s*"?([^";\r\n]+)"?/gi)) {
    if (match[1]) boundaries.add(match[1].trim());
  }
  const lines: Line[] = [];
  for (const boundary of boundaries) {
    const delimiter = `--${boundary}`;
    for (let at = text.indexOf(delimiter); at >= 0; at = text.indexOf(delimiter, at + 1)) {
      if (at > 0 && text[at - 1] !== '\n') continue;
      const newline = text.indexOf('\n', at);
      lines.push({ start: at, end: newline < 0 ? text.length : newline + 1 });
    }
  }
  return lines.sort((a, b) => a.start - b.start);
}

function editDelimiter(text: string, at: number, edit: (line: string) => string): string {
  const line = pick(delimiterLines(text), at);
  if (!line) return text;
  return text.slice(0, line.start) + edit(text.slice(line.start, line.end)) + text.slice(line.end);
}

function flipBytes(text: string, flips: readonly { at: number; xor: number }[]): string {
  if (text.length === 0) return text;
  const bytes = Buffer.from(text, 'latin1');
  for (const flip of flips) {
    const index = flip.at % bytes.length;
    bytes[index] = (bytes[index] ?? 0) ^ (flip.xor & 0xff || 1);
  }
  return bytes.toString('latin1');
}

/** The header blocks: the top one and each part's (after its delimiter line, up to the blank line). */
function headerBlocks(text: string): Line[] {
  const starts = [0, ...delimiterLines(text).map((line) => line.end)];
  return starts.map((start) => {
    const blank = text.indexOf('\n\n', start);
    return { start, end: blank < 0 ? text.length : blank + 1 };
  });
}

function setCharset(text: string, at: number, charset: string): string {
  const block = pick(headerBlocks(text), at);
  if (!block) return text;
  const head = text.slice(block.start, block.end);
  const replaced = /charset\s*=\s*"?[^";\s]*"?/i.test(head)
    ? head.replace(/charset\s*=\s*"?[^";\s]*"?/i, `charset=${charset}`)
    : /^content-type:[^\n]*/im.test(head)
      ? head.replace(/^(content-type:[^\n]*)/im, `$1; charset=${charset}`)
      : `Content-Type: text/plain; charset=${charset}\n${head}`;
  return text.slice(0, block.start) + replaced + text.slice(block.end);
}

const NOISE = ['====', '!!@@', '\u00ff\u00fe', '=', '=ZZ', '=\n', '=0', 'QUJD', 'A'] as const;

/** Declares a part base64 or quoted-printable (whatever its body is) and spoils its body a little. */
function breakEncoding(text: string, at: number, encoding: string, noise: number): string {
  const block = pick(headerBlocks(text), at);
  if (!block) return text;
  const head = text.slice(block.start, block.end);
  const declared = /^content-transfer-encoding:[^\n]*/im.test(head)
    ? head.replace(/^content-transfer-encoding:[^\n]*/im, `Content-Transfer-Encoding: ${encoding}`)
    : `Content-Transfer-Encoding: ${encoding}\n${head}`;
  const bodyStart = block.end + 1;
  const junk = NOISE[noise % NOISE.length] ?? '';
  const where = Math.min(text.length, bodyStart + (noise % 97));
  return (
    text.slice(0, block.start) +
    declared +
    text.slice(block.end, where) +
    junk.repeat(1 + (noise % 5)) +
    text.slice(where)
  );
}

function longHeader(text: string, m: Extract<Mutation, { kind: 'long-header' }>): string {
  const filler = FILLERS[m.filler % FILLERS.length] ?? 'a';
  const bytes = m.kb * 1024;
  const value = filler.repeat(Math.ceil(bytes / filler.length)).slice(0, bytes);
  switch (m.where) {
    case 'top':
      return `X-Fuzz-Long: ${value}\n${text}`;
    case 'subject':
      return /^subject:/im.test(text)
        ? text.replace(/^(subject:[^\n]*)/im, (line) => `${line}${value}`)
        : `Subject: ${value}\n${text}`;
    case 'folded':
      return `X-Fuzz-Folded: ${value.replace(/(.{70})/g, '$1\n ')}\n${text}`;
    case 'part': {
      const block = pick(headerBlocks(text), m.at);
      if (!block) return text;
      return `${text.slice(0, block.start)}X-Fuzz-Long: ${value}\n${text.slice(block.start)}`;
    }
  }
}

/** Wraps the whole body in `depth` levels of multipart/mixed, the mail's own type innermost. */
function nest(text: string, depth: number): string {
  const split = text.indexOf('\n\n');
  if (split < 0 || depth <= 0) return text;
  const head = text.slice(0, split + 1);
  const body = text.slice(split + 2);
  const typeHeader = /^content-type:.*(?:\n[ \t].*)*\n?/im;
  const inner = typeHeader.exec(head)?.[0] ?? 'Content-Type: text/plain\n';
  const outerHead = head.replace(typeHeader, '');
  let nested = `${inner.endsWith('\n') ? inner : `${inner}\n`}\n${body}`;
  for (let level = depth - 1; level >= 0; level--) {
    const b = `fuzz-nest-${level}`;
    nested = `Content-Type: multipart/mixed; boundary="${b}"\n\n--${b}\n${nested}\n--${b}--\n`;
  }
  return `${outerHead}${nested}`;
}

const WORD_PAYLOADS = ['!!!', 'GyRCJUYlOSVIGyhC', '=E3=83', 'AAAA====', '', '?='] as const;

/** A broken RFC 2047 word in the Subject (bad charset, bad base64, a cut multibyte character). */
function encodedWord(text: string, charset: number, payload: number): string {
  const cs = CHARSETS[charset % CHARSETS.length] || 'x';
  const data = WORD_PAYLOADS[payload % WORD_PAYLOADS.length] ?? '';
  const word = `=?${cs}?${payload % 2 ? 'Q' : 'B'}?${data}?=`;
  return /^subject:/im.test(text)
    ? text.replace(/^subject:[^\n]*/im, `Subject: ${word} ${word}`)
    : `Subject: ${word}\n${text}`;
}

function insertAt(text: string, at: number, insert: string): string {
  const index = text.length === 0 ? 0 : at % (text.length + 1);
  return text.slice(0, index) + insert + text.slice(index);
}

function pick<T>(items: readonly T[], at: number): T | undefined {
  return items.length === 0 ? undefined : items[at % items.length];
}
