// Line-ending normalisation and mbox splitting: the byte-level steps before MIME parsing.

const LF = 0x0a;
const CR = 0x0d;

/** Rewrites CRLF and bare CR line endings as LF, so every file decodes the same way. */
export function normalizeLineEndings(raw: Uint8Array): Buffer {
  const input = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  let cr = input.indexOf(CR);
  if (cr === -1) return input;
  // Native search and copy between line ends: a byte loop in JavaScript is slow until it is compiled,
  // and a command line run ends before that pays off.
  const out = Buffer.allocUnsafe(input.length);
  let n = 0;
  let from = 0;
  while (cr !== -1) {
    n += input.copy(out, n, from, cr);
    out[n++] = LF;
    from = input[cr + 1] === LF ? cr + 2 : cr + 1;
    cr = input.indexOf(CR, from);
  }
  n += input.copy(out, n, from);
  return out.subarray(0, n);
}

// An mbox "From " separator: `From <sender> <asctime date>`. Requiring the year at the end keeps
// a body line that merely starts with "From " from splitting a message.
const FROM_LINE = /^From \S+ +.*\d{4}[ \t]*$/;

/**
 * Splits an mbox (messages separated by `From ` lines) into messages, dropping the separator lines.
 * Input that does not start with a `From ` line is one message. Expects LF line endings.
 */
export function splitMailbox(input: Buffer): Buffer[] {
  if (!startsWithFromLine(input, 0)) return [input];
  const messages: Buffer[] = [];
  let start = -1;
  let pos = 0;
  while (pos < input.length) {
    const eol = input.indexOf(LF, pos);
    const next = eol === -1 ? input.length : eol + 1;
    // The cheap test first: only a line that starts "From " needs a look at the line before it.
    if (startsWithFromLine(input, pos) && separatorMayStartAt(input, pos, start)) {
      if (start !== -1) messages.push(input.subarray(start, pos));
      start = next;
    }
    pos = next;
  }
  if (start !== -1 && start < input.length) messages.push(input.subarray(start));
  return messages.filter((m) => m.some((byte) => byte !== LF && byte !== 0x20 && byte !== 0x09));
}

function startsWithFromLine(input: Buffer, pos: number): boolean {
  if (input[pos] !== 0x46 || input.toString('latin1', pos, pos + 5) !== 'From ') return false;
  const eol = input.indexOf(LF, pos);
  const line = input.toString('latin1', pos, eol === -1 ? Math.min(input.length, pos + 200) : eol);
  return FROM_LINE.test(line);
}

/** A separator follows an empty line (or starts the file), or a closing MIME delimiter (below). */
function separatorMayStartAt(input: Buffer, pos: number, start: number): boolean {
  return pos === 0 || start === -1 || (pos >= 2 && input[pos - 2] === LF) || afterClosingBoundary(input, pos);
}

// Some MTAs write the next "From " line right after a message's closing MIME delimiter ("--b--"),
// without the blank line mbox asks for.
function afterClosingBoundary(input: Buffer, pos: number): boolean {
  const prevStart = input.lastIndexOf(LF, pos - 2) + 1;
  const line = input.toString('latin1', prevStart, pos - 1);
  return /^--\S+--\s*$/.test(line);
}
