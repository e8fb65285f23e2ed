// The HTML body of a stranger's mail, made safe to show (sanitize-html, an allow-list sanitiser built on
// htmlparser2): layout and text elements only; no script, no event handler, no form, frame, object,
// SVG, meta refresh or base; links only to http(s) and mailto; images only from the mail's own inline
// parts (cid:) or small data: images, never from the network; CSS without anything that can fetch
// (css-filter.ts). It is then shown in a sandboxed iframe under a strict CSP: three walls, not one.
// Bounded: the parser's work grows with the nesting depth times the tags (htmlparser2 keeps its stack
// with Array#unshift and searches it for each end tag), so HTML with more tags than MAX_HTML_TAGS is
// not parsed at all, the output
// nests at most MAX_HTML_DEPTH deep, and the render budget is checked at every tag.
import sanitizeHtml, { type Attributes, type IOptions } from 'sanitize-html';
import { isSafeStyleSheet, safeInlineStyle } from './css-filter.ts';
import { htmlShape } from './html-depth.ts';
import { PreviewTooComplex, type RenderBudget, UNLIMITED_BUDGET } from './render-budget.ts';

/** An inline image of the mail, by its Content-ID (without angle brackets). */
export interface InlineImage {
  contentType: string;
  content: Uint8Array;
}

export interface SanitizedHtml {
  html: string;
  /** Images that pointed elsewhere (the network, or an inline part too large or not an image). */
  blockedImages: number;
  /** `<style>` sheets left out because some rule could fetch something. */
  droppedStyleSheets: number;
}

/** Raster types only: an SVG could carry links and styles of its own. */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
const SAFE_LINK = /^(?:https?:|mailto:)/i;
const DATA_IMAGE = /^data:(image\/(?:png|jpeg|gif|webp));base64,[A-Za-z0-9+/=\s]*$/i;

/** Tags (start and end): a 2 MB table newsletter has ~40,000. */
export const MAX_HTML_TAGS = 150_000;
/** Real mails nest a few dozen deep; with this bound the parse stays linear in practice. */
export const MAX_PARSE_DEPTH = 1_000;
/** Elements nested deeper are dropped (their text kept); browsers slow down on deep trees too. */
export const MAX_HTML_DEPTH = 100;

const ALLOWED_TAGS = [
  ...['a', 'abbr', 'address', 'b', 'big', 'blockquote', 'br', 'caption', 'center', 'cite', 'code'],
  ...['col', 'colgroup', 'dd', 'del', 'div', 'dl', 'dt', 'em', 'font', 'h1', 'h2', 'h3', 'h4', 'h5'],
  ...['h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'small'],
  ...['span', 'strike', 'strong', 'style', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th'],
  ...['thead', 'tr', 'tt', 'u', 'ul', 'wbr'],
];

const ALLOWED_ATTRIBUTES: IOptions['allowedAttributes'] = {
  '*': ['style', 'class', 'dir', 'lang', 'align', 'valign', 'title', 'width', 'height', 'bgcolor'],
  a: ['href', 'name', 'target', 'rel'],
  img: ['src', 'alt', 'border'],
  table: ['border', 'cellpadding', 'cellspacing'],
  td: ['colspan', 'rowspan', 'nowrap'],
  th: ['colspan', 'rowspan', 'nowrap'],
  col: ['span'],
  colgroup: ['span'],
  font: ['color', 'face', 'size'],
  ol: ['start', 'type'],
  ul: ['type'],
};

export function sanitizeMailHtml(
  html: string,
  inline: ReadonlyMap<string, InlineImage>,
  imageBudgetBytes: number,
  work: RenderBudget = UNLIMITED_BUDGET,
): SanitizedHtml {
  const shape = htmlShape(html);
  if (shape.tags > MAX_HTML_TAGS || shape.depthBound > MAX_PARSE_DEPTH) {
    throw new PreviewTooComplex(`the HTML body has ${shape.tags} tags, possibly ${shape.depthBound} deep`);
  }
  let budget = imageBudgetBytes;
  // Mails repeat the same inline styles on every row: each distinct style or sheet is checked once.
  const styles = new Map<string, string>();
  const sheets = new Map<string, boolean>();
  const safeSheet = (css: string): boolean => {
    let safe = sheets.get(css);
    if (safe === undefined) {
      safe = isSafeStyleSheet(css, work);
      sheets.set(css, safe);
    }
    return safe;
  };
  let blockedImages = 0;
  let droppedStyleSheets = 0;

  const dataUrl = (contentType: string, content: Uint8Array): string | undefined => {
    if (!IMAGE_TYPES.has(contentType.toLowerCase()) || content.byteLength > budget) return undefined;
    budget -= content.byteLength;
    return `data:${contentType.toLowerCase()};base64,${Buffer.from(content).toString('base64')}`;
  };

  const image = (tagName: string, attribs: Attributes) => {
    const src = (attribs.src ?? '').trim();
    const { src: _dropped, ...rest } = attribs;
    let safeSrc: string | undefined;
    if (/^cid:/i.test(src)) {
      const part = inline.get(decodeCid(src));
      safeSrc = part ? dataUrl(part.contentType, part.content) : undefined;
    } else {
      const data = DATA_IMAGE.exec(src);
      if (data?.[1]) safeSrc = dataUrl(data[1], Buffer.from(src.slice(src.indexOf(',') + 1), 'base64'));
    }
    if (safeSrc) return { tagName, attribs: { ...rest, src: safeSrc } };
    if (src) blockedImages++;
    return { tagName, attribs: { ...rest, alt: rest.alt || '[image]' } };
  };

  const options: IOptions = {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    // The title's text is not body text; the others' contents are dropped with them.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'xmp', 'title', 'noscript', 'template'],
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['data'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'background', 'action', 'formaction'],
    allowProtocolRelative: false,
    nestingLimit: MAX_HTML_DEPTH,
    // The sheets are checked whole below; nothing else in a sheet survives.
    allowVulnerableTags: true,
    transformTags: {
      '*': (tagName, attribs) => {
        work.check();
        return { tagName, attribs: withSafeStyle(attribs, styles, work) };
      },
      a: (tagName, attribs) => {
        const { href, ...rest } = attribs;
        // The frame may open no window: a link does nothing but show where it points.
        const kept: Attributes = href && SAFE_LINK.test(href.trim()) ? { href, title: href } : {};
        return { tagName, attribs: { ...rest, ...kept, target: '_blank', rel: 'noopener noreferrer' } };
      },
      img: image,
    },
    exclusiveFilter: (frame) => {
      if (frame.tag !== 'style' || safeSheet(frame.text)) return false;
      droppedStyleSheets++;
      return true;
    },
  };
  return { html: sanitizeHtml(html, options), blockedImages, droppedStyleSheets };
}

function withSafeStyle(attribs: Attributes, checked: Map<string, string>, work: RenderBudget): Attributes {
  if (attribs.style === undefined) return attribs;
  const { style, ...rest } = attribs;
  let safe = checked.get(style);
  if (safe === undefined) {
    safe = safeInlineStyle(style, work);
    checked.set(style, safe);
  }
  return safe ? { ...rest, style: safe } : rest;
}

/** `cid:part1.abc@example.jp` → `part1.abc@example.jp` (percent-decoded, RFC 2392). */
function decodeCid(src: string): string {
  const id = src.slice(4).trim();
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}
