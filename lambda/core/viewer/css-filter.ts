// CSS from strangers' mail, read with a real CSS parser (postcss): only what cannot fetch anything is
// kept. A declaration is dropped when its value calls a function outside a short list of pure ones
// (so url(), image-set(), src(), element(), expression() all go) or hides anything behind a CSS escape;
// at-rules other than @media go. The page's Content-Security-Policy blocks remote loads as well.
// Linear and bounded: declarations, inline styles and sheets over their caps, and sheets nested deeper
// than a few levels, are dropped before any parsing; the render budget is checked before each parse.
import postcss, { type Root } from 'postcss';
import { type RenderBudget, UNLIMITED_BUDGET } from './render-budget.ts';

/** Functions that compute a value and never name a resource. */
const PURE_FUNCTIONS = new Set([
  'rgb',
  'rgba',
  'hsl',
  'hsla',
  'hwb',
  'lab',
  'lch',
  'oklab',
  'oklch',
  'color',
  'color-mix',
  'calc',
  'min',
  'max',
  'clamp',
  'var',
  'linear-gradient',
  'radial-gradient',
  'conic-gradient',
  'repeating-linear-gradient',
  'repeating-radial-gradient',
  'repeating-conic-gradient',
  'translate',
  'translatex',
  'translatey',
  'rotate',
  'scale',
  'scalex',
  'scaley',
  'skew',
  'skewx',
  'skewy',
  'matrix',
  'counter',
  'counters',
  'rect',
  'inset',
  'circle',
  'ellipse',
  'polygon',
  'cubic-bezier',
  'steps',
]);
/** Properties that load or run something whatever their value. */
const UNSAFE_PROPERTIES = new Set(['behavior', '-moz-binding', 'src']);
const KEPT_AT_RULES = new Set(['media']);
/**
 * A function's name: only where a name can start (the look-behind), so a long run of name characters is
 * walked once, not once from every position in it (that was quadratic: 80,000 characters took 3 s).
 */
const FUNCTION_NAME = /(?<![\w-])([A-Za-z_-][\w-]*)\s*\(/g;

/** Real declarations are short (a long font list or gradient: a few hundred characters). */
export const MAX_DECLARATION_CHARS = 2_000;
export const MAX_INLINE_STYLE_CHARS = 20_000;
export const MAX_STYLE_SHEET_CHARS = 100_000;
/** Braces inside braces: `@media { p { } }` is 2. */
export const MAX_CSS_DEPTH = 8;

/** Whether a declaration can neither fetch nor run anything. */
export function isSafeDeclaration(property: string, value: string): boolean {
  if (property.length + value.length > MAX_DECLARATION_CHARS) return false;
  if (UNSAFE_PROPERTIES.has(property.toLowerCase())) return false;
  if (value.includes('\\') || /[<>]/.test(value)) return false;
  for (const match of value.matchAll(FUNCTION_NAME)) {
    if (!PURE_FUNCTIONS.has((match[1] ?? '').toLowerCase())) return false;
  }
  return true;
}

/** The inline style with its unsafe declarations removed; "" when none is left or it does not parse. */
export function safeInlineStyle(style: string, budget: RenderBudget = UNLIMITED_BUDGET): string {
  if (style.length > MAX_INLINE_STYLE_CHARS || cssDepth(style) > 0) return '';
  budget.check();
  const root = parse(`x{${style}}`);
  if (!root) return '';
  const kept: string[] = [];
  root.walkDecls((decl) => {
    if (isSafeDeclaration(decl.prop, decl.value)) {
      kept.push(`${decl.prop}: ${decl.value}${decl.important ? ' !important' : ''}`);
    }
  });
  return kept.join('; ');
}

/**
 * Whether a whole style sheet may stay: it parses, and holds no unsafe declaration or at-rule. (A sheet
 * is kept or dropped whole: the HTML sanitiser can drop an element, not rewrite its text.)
 */
export function isSafeStyleSheet(css: string, budget: RenderBudget = UNLIMITED_BUDGET): boolean {
  if (css.length > MAX_STYLE_SHEET_CHARS || cssDepth(css) > MAX_CSS_DEPTH) return false;
  if (/<\/?[A-Za-z!]/.test(css)) return false;
  budget.check();
  const root = parse(css);
  if (!root) return false;
  let safe = true;
  root.walk((node) => {
    if (node.type === 'atrule' && !KEPT_AT_RULES.has(node.name.toLowerCase())) safe = false;
    if (node.type === 'decl' && !isSafeDeclaration(node.prop, node.value)) safe = false;
    if (node.type === 'rule' && /\\/.test(node.selector)) safe = false;
  });
  return safe;
}

/** How deep braces nest, in one pass (escapes and strings aside: an estimate that errs deep). */
function cssDepth(css: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = css.indexOf('{'); i >= 0 && i < css.length; i++) {
    const c = css.charCodeAt(i);
    if (c === 123) deepest = Math.max(deepest, ++depth);
    else if (c === 125 && depth > 0) depth--;
  }
  return deepest;
}

function parse(css: string): Root | undefined {
  try {
    return postcss.parse(css);
  } catch {
    return undefined;
  }
}
