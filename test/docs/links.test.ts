// Every link in README.md, CONTRIBUTING.md and docs/*.md resolves inside the repository: the file or
// folder exists, and an `#anchor` names a heading of the page it points to (GitHub's heading ids).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.ts';

const PAGES = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

interface Link {
  page: string;
  line: number;
  target: string;
}

/** Links outside code: `[text](target)`, `[text](<target> "title")` and `[label]: target` definitions. */
function linksOf(page: string): Link[] {
  const links: Link[] = [];
  let fenced = false;
  for (const [index, text] of readFileSync(join(ROOT, page), 'utf8').split('\n').entries()) {
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    if (fenced) continue;
    const prose = text.replace(/`[^`]*`/g, '');
    const targets = [
      ...[...prose.matchAll(/\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] ?? ''),
      ...[...prose.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/g)].map((m) => m[1] ?? ''),
    ];
    for (const target of targets) links.push({ page, line: index + 1, target });
  }
  return links;
}

/** GitHub's ids for a page's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchorsOf(file: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    if (fenced) continue;
    for (const m of text.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(m[1] ?? '');
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text)?.[1];
    if (heading === undefined) continue;
    const base = heading
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[`*]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** Why a link does not resolve, or undefined when it does. */
function problemOf(link: Link): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link.target)) return 'points outside the repository';
  const [path = '', anchor] = link.target.split('#', 2);
  const file = path ? resolve(ROOT, dirname(link.page), decodeURIComponent(path)) : join(ROOT, link.page);
  const inside = relative(ROOT, file);
  if (inside.startsWith(`..${sep}`) || inside === '..') return 'points outside the repository';
  if (!existsSync(file)) return 'no such file or folder';
  if (anchor === undefined) return undefined;
  if (statSync(file).isDirectory() || !file.endsWith('.md'))
    return 'an anchor on a page that has no headings';
  return anchorsOf(file).has(decodeURIComponent(anchor)) ? undefined : `no heading #${anchor}`;
}

describe('documentation links', () => {
  const links = PAGES.flatMap(linksOf);

  it('are found on every page (the pages link to each other)', () => {
    expect(PAGES).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/cli.md']));
    expect(links.length).toBeGreaterThan(20);
  });

  it('all resolve inside the repository, anchors included', () => {
    const broken = links.flatMap((link) => {
      const problem = problemOf(link);
      return problem ? [`${link.page}:${link.line} ${link.target}: ${problem}`] : [];
    });
    expect(broken).toEqual([]);
  });

  it('catch a missing page, a missing heading and a link that leaves the repository', () => {
    const page = 'README.md';
    expect(problemOf({ page, line: 1, target: 'docs/no-such-page.md' })).toBe('no such file or folder');
    expect(problemOf({ page, line: 1, target: 'docs/cli.md#no-such-heading' })).toBe(
      'no heading #no-such-heading',
    );
    expect(problemOf({ page, line: 1, target: '../shared/DESIGN.md' })).toBe('points outside the repository');
    expect(problemOf({ page, line: 1, target: 'https://example.com/' })).toBe(
      'points outside the repository',
    );
    expect(problemOf({ page, line: 1, target: 'docs/cli.md#running-it-locally-npm-start' })).toBeUndefined();
  });
});
