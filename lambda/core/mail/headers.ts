// Header blocks as a small read-only map: names lower-cased, folded lines unfolded, encoded words decoded.
import libmime from 'libmime';

export class MailHeaders {
  readonly #values: Map<string, string[]>;

  private constructor(values: Map<string, string[]>) {
    this.#values = values;
  }

  /** Parses a header block (the text before the first empty line). Never throws. */
  static parse(block: string): MailHeaders {
    const values = new Map<string, string[]>();
    for (const [name, list] of Object.entries(libmime.decodeHeaders(block, { skipPrototypeKeys: true }))) {
      values.set(name.toLowerCase(), list.map(decodeValue));
    }
    return new MailHeaders(values);
  }

  static empty(): MailHeaders {
    return new MailHeaders(new Map());
  }

  /** The first value of a header, decoded; "" when absent. */
  get(name: string): string {
    return this.#values.get(name)?.[0] ?? '';
  }

  all(name: string): readonly string[] {
    return this.#values.get(name) ?? [];
  }

  has(name: string): boolean {
    return this.#values.has(name);
  }

  names(): IterableIterator<string> {
    return this.#values.keys();
  }
}

function decodeValue(value: string): string {
  const unfolded = value.replace(/\r?\n[ \t]*/g, ' ').trim();
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
