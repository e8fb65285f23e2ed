// `npm run docs:config [-- --check]`: writes the configuration tables in docs/ from the settings contract
// (lambda/contracts/): each Lambda's environment variables and the cdk.json keys, between the markers
// `<!-- config-table: NAME -->` and `<!-- /config-table -->`. With --check, changes nothing and exits 1
// when a table differs from the contract (test/docs/config-tables.test.ts does the same).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { BOUNCE_VARIABLES } from '../lambda/contracts/bounce-variables.ts';
import { DEPLOY_ROWS, shownDefault } from '../lambda/contracts/deployment.ts';
import { code, type SettingDoc } from '../lambda/contracts/documented.ts';
import { PROBE_VARIABLES } from '../lambda/contracts/probe.ts';
import { VIEWER_VARIABLES } from '../lambda/contracts/viewer.ts';

export const ROOT = resolve(import.meta.dirname, '..');

/** Each generated table: the document it is in, and its rows (a header row first). */
export const CONFIG_TABLES: Readonly<Record<string, { doc: string; rows: () => string[][] }>> = {
  bounce: { doc: 'docs/bounce-handler.md', rows: () => variableRows(BOUNCE_VARIABLES) },
  viewer: { doc: 'docs/viewer.md', rows: () => variableRows(VIEWER_VARIABLES) },
  probe: { doc: 'docs/probe.md', rows: () => variableRows(PROBE_VARIABLES) },
  deploy: { doc: 'docs/deploy.md', rows: deployRows },
};

const MARKER = /(<!-- config-table: ([a-z-]+) -->\n)[\s\S]*?(<!-- \/config-table -->)/g;

/** The document with its generated tables written from the contract; unknown table names throw. */
export function withConfigTables(text: string): string {
  return text.replace(MARKER, (_, open: string, name: string, close: string) => {
    const table = CONFIG_TABLES[name];
    if (!table) throw new Error(`no configuration table named "${name}"`);
    return `${open}${markdownTable(table.rows())}\n${close}`;
  });
}

/** The documents that hold a generated table. */
export function configDocs(): string[] {
  return [...new Set(Object.values(CONFIG_TABLES).map((table) => table.doc))];
}

function variableRows(variables: Readonly<Record<string, SettingDoc>>): string[][] {
  return [
    ['variable', 'default', 'meaning'],
    ...Object.entries(variables).map(([name, doc]) => [code(name), doc.default, doc.meaning]),
  ];
}

function deployRows(): string[][] {
  return [
    ['key', 'default', 'meaning'],
    ...DEPLOY_ROWS.map((row) => {
      const defaults = row.keys.map(shownDefault);
      const shown = defaults.every((value) => value === defaults[0]) ? [defaults[0] ?? ''] : defaults;
      return [row.keys.map((key) => code(key)).join(', '), shown.join(', '), row.meaning];
    }),
  ];
}

/** A Markdown table with its columns padded to one width, as a formatter would leave it. */
function markdownTable(rows: readonly string[][]): string {
  const width = (text: string) => [...text].length;
  const widths = (rows[0] ?? []).map((_, column) =>
    Math.max(3, ...rows.map((row) => width(row[column] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell + ' '.repeat((widths[column] ?? 0) - width(cell))).join(' | ')} |`;
  const [header = [], ...body] = rows;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const stale: string[] = [];
  for (const doc of configDocs()) {
    const path = join(ROOT, doc);
    const text = readFileSync(path, 'utf8');
    const generated = withConfigTables(text);
    if (generated === text) continue;
    stale.push(doc);
    if (!values.check) writeFileSync(path, generated);
  }
  if (values.check && stale.length > 0) {
    console.error(
      `configuration tables differ from lambda/contracts/: ${stale.join(', ')} (npm run docs:config)`,
    );
    process.exit(1);
  }
  console.log(stale.length > 0 ? `written: ${stale.join(', ')}` : 'configuration tables up to date');
}
