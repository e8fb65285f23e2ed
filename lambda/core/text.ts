// Small, bounded text helpers shared by the format parsers and the classifier: the match limit,
// addresses in a text, marker lines, white space. SMTP codes and replies are read in smtp/.

/** Longest text any pattern in the decoder looks at; bounds the work on hostile input. */
export const MATCH_LIMIT = 16_384;

/** A run of the characters an address may hold; an address never spans two runs. */
const ADDRESS_WORD = /[^\s<>"'(),;:[\]\\]+/g;
/** An address at the current position (sticky): a local part, then the last `@` a domain follows. */
const ADDRESS_AT = /[^\s<>"'(),;:[\]\\]+@[A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9]/y;

/**
 * E-mail addresses in a text, in order, without duplicates, lower-cased. Linear: matching the address
 * pattern at every position of a long run without `@` (16 KB of NUL bytes, of letters) took time
 * quadratic in the run's length, 0.8 s for 16 KB; the runs are found first, and the pattern is tried
 * only where a run holds an `@`, anchored: where it fails at a run's start, no later start in the run
 * can succeed (its local part would extend to that start).
 */
export function addressesIn(text: string): string[] {
  const found = new Set<string>();
  for (const [word] of text.slice(0, MATCH_LIMIT).matchAll(ADDRESS_WORD)) {
    if (!word.includes('@')) continue;
    ADDRESS_AT.lastIndex = 0;
    for (let m = ADDRESS_AT.exec(word); m; m = ADDRESS_AT.exec(word)) found.add(m[0].toLowerCase());
  }
  return [...found];
}

/** The first address in a text, lower-cased, or "". */
export function firstAddress(text: string): string {
  return addressesIn(text)[0] ?? '';
}

/** Splits a notice at the first line matching a marker: the text before, and the rest after that line. */
export function splitAtMarker(text: string, markers: readonly RegExp[]): { notice: string; rest: string } {
  let cut = -1;
  let after = -1;
  for (const marker of markers) {
    const m = marker.exec(text);
    if (m && (cut === -1 || m.index < cut)) {
      cut = m.index;
      const eol = text.indexOf('\n', m.index + m[0].length - 1);
      after = eol === -1 ? text.length : eol + 1;
    }
  }
  return cut === -1 ? { notice: text, rest: '' } : { notice: text.slice(0, cut), rest: text.slice(after) };
}

/** Collapses runs of white space into one space and trims. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
