// How much work an HTML body will cost the parser, found in one linear pass before it is parsed:
// htmlparser2 keeps its open elements with Array#unshift and searches them at every end tag, so its
// time grows with tags × depth. The pass counts the tags and bounds the depth from above: it opens an
// element at every start tag but a void one, and closes one only for an end tag whose name it has open
// (the parser closes at least as many), so a forger cannot hide depth from it with stray end tags.

/** Elements that never hold content: a start tag opens nothing. */
const VOID = new Set([
  ...['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source'],
  ...['track', 'wbr'],
]);

export interface HtmlShape {
  /** Start and end tags. */
  tags: number;
  /** At least as deep as the parser's deepest stack of open elements. */
  depthBound: number;
}

export function htmlShape(html: string): HtmlShape {
  const open = new Map<string, number>();
  let tags = 0;
  let depth = 0;
  let deepest = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
    const closing = html.charCodeAt(i + 1) === 47;
    const start = closing ? i + 2 : i + 1;
    let end = start;
    while (end < html.length && isNameChar(html.charCodeAt(end), end === start)) end++;
    if (end === start) continue;
    tags++;
    const name = html.slice(start, end).toLowerCase();
    if (closing) {
      const count = open.get(name) ?? 0;
      if (count > 0) {
        open.set(name, count - 1);
        depth--;
      }
    } else if (!VOID.has(name)) {
      open.set(name, (open.get(name) ?? 0) + 1);
      deepest = Math.max(deepest, ++depth);
    }
    i = end - 1;
  }
  return { tags, depthBound: deepest };
}

/** A letter first; then letters, digits, `-`, `:` (as htmlparser2 reads a tag name). */
function isNameChar(c: number, first: boolean): boolean {
  const lower = c | 0x20;
  if (lower >= 97 && lower <= 122) return true;
  return !first && ((c >= 48 && c <= 57) || c === 45 || c === 58);
}
