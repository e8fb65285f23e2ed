// CSS from strangers' mail, read with a real CSS parser (postcss): only what cannot fetch anything is
// kept. A declaration is dropped when its value calls a function outside a short list of pure ones
// (so url(), image-set(), src(), element(), expression() all go) or hides anything behind a CSS escape;
// at-rules other than @media go. The page's Content-Security-Policy blocks remote loads as well.
import postcss, { type Root } from 'postcss';

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
const FUNCTION_NAME = /([A-Za-z_-][\w-]*)\s*\(/g;

/** Whether a declaration can neither fetch nor run anything. */
export function isSafeDeclaration(property: string, value: string): boolean {
  if (UNSAFE_PROPERTIES.has(property.toLowerCase())) return false;
  if (value.includes('\\') || /[<>]/.test(value)) return false;
  for (const match of value.matchAll(FUNCTION_NAME)) {
    if (!PURE_FUNCTIONS.has((match[1] ?? '').toLowerCase())) return false;
  }
  return true;
}

/** The inline style with its unsafe declarations removed; "" when none is left or it does not parse. */
export function safeInlineStyle(style: string): string {
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
export function isSafeStyleSheet(css: string): boolean {
  if (/<\/?[A-Za-z!]/.test(css)) return false;
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

function parse(css: string): Root | undefined {
  try {
    return postcss.parse(css);
  } catch {
    return undefined;
  }
}
