// Header blocks as a small read-only map: names lower-cased, folded lines unfolded, encoded words decoded.
import libmime from 'libmime';
import { normalizeLineEndings } from './mailbox.ts';

export class MailHeaders {
  /** Raw (folded, encoded) values by lower-cased name; decoded on first read. */
  readonly #raw: Map<string, string[]>;
  readonly #decoded = new Map<string, string[]>();

  private constructor(raw: Map<string, string[]>) {
    this.#raw = raw;
  }

  /**
   * Parses a header block (the text before the first empty line). Never throws. Values are unfolded
   * and their encoded words decoded only when read: most headers of a bounce are never looked at.
   */
  static parse(block: string): MailHeaders {
    const raw = new Map<string, string[]>();
    let name = '';
    let value = '';
    // The next colon at or after the current line; searched again only once passed, so that a block of
    // lines without colons is still read in linear time.
    let colon = -1;
    for (let start = 0; start < block.length; ) {
      const newline = block.indexOf('\n', start);
      const end = newline === -1 ? block.length : newline;
      const first = block.charCodeAt(start);
      if ((first === 0x20 || first === 0x09) && name) {
        value += `\n${block.slice(start, end)}`;
      } else {
        if (colon < start) colon = block.indexOf(':', start);
        if (colon > start && colon < end) {
          if (name) append(raw, name, value);
          name = block.slice(start, colon).trim().toLowerCase();
          value = block.slice(colon + 1, end);
        }
      }
      start = end + 1;
    }
    if (name) append(raw, name, value);
    return new MailHeaders(raw);
  }

  static empty(): MailHeaders {
    return new MailHeaders(new Map());
  }

  /** The first value of a header, decoded; "" when absent. */
  get(name: string): string {
    return this.all(name)[0] ?? '';
  }

  all(name: string): readonly string[] {
    const done = this.#decoded.get(name);
    if (done) return done;
    const raw = this.#raw.get(name);
    if (!raw) return [];
    const values = raw.map(decodeValue);
    this.#decoded.set(name, values);
    return values;
  }

  has(name: string): boolean {
    return this.#raw.has(name);
  }

  names(): IterableIterator<string> {
    return this.#raw.keys();
  }
}

function append(raw: Map<string, string[]>, name: string, value: string): void {
  const list = raw.get(name);
  if (list) list.push(value);
  else raw.set(name, [value]);
}

function decodeValue(value: string): string {
  const unfolded = (value.includes('\n') ? value.replace(/\r?\n[ \t]*/g, ' ') : value).trim();
  if (!unfolded.includes('=?')) return unfolded;
  try {
    return libmime.decodeWords(unfolded);
  } catch {
    return unfolded;
  }
}

/** Splits text at its first empty line into a header block and a body. */
export function splitHeaderBlock(text: string): { head: string; body: string } {
  const match = /\n[ \t]*\n/.exec(text);
  if (!match) return { head: text, body: '' };
  return { head: text.slice(0, match.index + 1), body: text.slice(match.index + match[0].length) };
}

/** The header block of a message's bytes, without decoding its body (a returned message may be 40 MB). */
export function headerBlockOf(raw: Buffer): string {
  const end = raw.indexOf('\n\n');
  return raw.toString('utf8', 0, end === -1 ? Math.min(raw.length, 256 * 1024) : end + 1);
}

/**
 * The header block on top of a mail's bytes, read: what the bounce handler reads beyond the decoder
 * (SES's verdicts, the addresses a bounce came to, our own ticket mail's marks). Only the first
 * `maxBytes` are read: a mail may be 40 MB, its headers are at its start.
 */
export function mailHead(raw: Uint8Array, maxBytes: number): MailHeaders {
  return MailHeaders.parse(headerBlockOf(normalizeLineEndings(raw.subarray(0, maxBytes))));
}
