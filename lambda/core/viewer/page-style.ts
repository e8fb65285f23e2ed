// The viewer's look: one inline style sheet (the CSP allows inline styles, nothing remote), and a font
// stack that renders Japanese well on macOS, Windows, Linux and phones before falling back.

export const FONT_STACK =
  'system-ui, -apple-system, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Yu Gothic", ' +
  'Meiryo, "Noto Sans CJK JP", "Noto Sans JP", "IPAPGothic", sans-serif';

/** Plain-text mail in Japan is laid out for fixed-width fonts (a full-width character is two columns). */
export const MONO_STACK =
  'ui-monospace, "SFMono-Regular", Menlo, Consolas, "BIZ UDGothic", "MS Gothic", ' +
  '"Noto Sans Mono CJK JP", "IPAGothic", monospace';

export const PAGE_STYLE = `
:root { color-scheme: light; --line: #d0d7de; --muted: #57606a; --accent: #0b5cad; }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${FONT_STACK}; line-height: 1.6; color: #1f2328; background: #f6f8fa; }
main { max-width: 64rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.4rem; margin: 0 0 1rem; overflow-wrap: anywhere; }
h2 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
section > h2:first-child { margin-top: 0; }
.kind { color: var(--muted); font-size: .9rem; margin: 0 0 .25rem; }
section, .card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem; }
section + section { margin-top: 1rem; }
dl.headers { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dl.headers dt { color: var(--muted); }
dl.headers dd { margin: 0; overflow-wrap: anywhere; }
pre.body { font-family: ${MONO_STACK}; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
iframe.html-body { width: 100%; height: min(70vh, 48rem); border: 1px solid var(--line); border-radius: 4px; background: #fff; resize: vertical; }
.note { color: var(--muted); font-size: .9rem; }
.diagnosis { border-left: 4px solid #cf222e; }
.diagnosis p { margin: .25rem 0; }
.actions a { display: inline-block; padding: .4rem .9rem; border-radius: 6px; background: var(--accent); color: #fff; text-decoration: none; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
.lang-en { color: var(--muted); }
`;
