// The configuration tables in docs/ are the settings contract's (lambda/contracts/), written by
// `npm run docs:config`: a variable or key added, renamed or given another default without the docs
// fails here, and so does a table that names a key or variable the contract does not know.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOUNCE_VARIABLES } from '../../lambda/contracts/bounce-variables.ts';
import { DEPLOY_KEYS, DEPLOY_ROWS } from '../../lambda/contracts/deployment.ts';
import { PROBE_VARIABLES } from '../../lambda/contracts/probe.ts';
import { VIEWER_VARIABLES } from '../../lambda/contracts/viewer.ts';
import { CONFIG_TABLES, configDocs, ROOT, withConfigTables } from '../../scripts/docs-config.ts';

describe('the configuration tables in docs/', () => {
  it.each(configDocs())('%s holds the tables the contract writes (npm run docs:config)', (doc) => {
    const text = readFileSync(join(ROOT, doc), 'utf8');
    expect(withConfigTables(text)).toBe(text);
  });

  it.each(Object.entries(CONFIG_TABLES))('the %s table is in its document', (name, table) => {
    expect(readFileSync(join(ROOT, table.doc), 'utf8')).toContain(`<!-- config-table: ${name} -->`);
  });

  it('would notice a stale default', () => {
    const text = readFileSync(join(ROOT, 'docs/bounce-handler.md'), 'utf8');
    const stale = text.replace(/(\| `LINK_EXPIRY_DAYS` +\| )`30`/, '$1`31`');
    expect(stale).not.toBe(text);
    expect(withConfigTables(stale)).toBe(text);
  });
});

describe('the deployment table', () => {
  it('lists every cdk.json key once', () => {
    const listed = DEPLOY_ROWS.flatMap((row) => row.keys);
    expect([...listed].sort()).toEqual(Object.keys(DEPLOY_KEYS).sort());
  });

  it('names only environment variables some function has', () => {
    const known = new Set(
      [BOUNCE_VARIABLES, VIEWER_VARIABLES, PROBE_VARIABLES].flatMap((variables) => Object.keys(variables)),
    );
    const named = DEPLOY_ROWS.flatMap((row) =>
      [...row.meaning.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]),
    );
    expect(named.filter((name) => name !== undefined && !known.has(name))).toEqual([]);
  });
});
