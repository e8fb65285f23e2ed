// Text from outside (a server's reply or banner, a user name, a host name) made safe to print on a
// terminal or in a mail: control characters and bidirectional overrides escaped, one line, bounded.

/** C0 controls, DEL, C1 controls, line and paragraph separators, bidirectional embeddings and isolates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export const MAX_PRINTED_CHARS = 300;

export function printable(text: string, max = MAX_PRINTED_CHARS): string {
  const escaped = text.replace(UNSAFE, (char) => escapeCode(char.charCodeAt(0)));
  return escaped.length > max ? `${escaped.slice(0, max)}…` : escaped;
}

/** The first line a server sent, printable: what a banner of another service says about itself. */
export function firstLine(text: string, max = MAX_PRINTED_CHARS): string {
  return printable(text.split(/\r?\n/, 1)[0] ?? '', max);
}

function escapeCode(code: number): string {
  if (code === 0x0d) return '\\r';
  if (code === 0x0a) return '\\n';
  if (code === 0x09) return '\\t';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}
