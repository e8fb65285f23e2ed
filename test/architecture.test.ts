// The layout's rules (docs/architecture.md), read from the import graph of lambda/, bin/, lib/ and
// scripts/: no import circle, a pure core, a CDK app that knows the settings contract and nothing else
// of lambda/, a settings contract that imports nothing of the project, and handlers that nothing else
// imports (the CLI runs the wiring the Lambdas run).
import { describe, expect, it } from 'vitest';
import { importCircles, importGraph, type Module } from './helpers/import-graph.ts';

const modules = importGraph(['lambda', 'bin', 'lib', 'scripts']);
const under = (folder: string) => [...modules.values()].filter((m) => m.path.startsWith(`${folder}/`));
const importsOutside = (module: Module, allowed: readonly string[]) =>
  module.imports.filter((path) => !allowed.some((folder) => path.startsWith(`${folder}/`)));

/** Packages that do I/O, or read the clock or the environment for their caller: never in the core. */
const IMPURE_PACKAGES =
  /^(?:node:(?:fs|fs\/promises|net|tls|dns|dns\/promises|http|https|child_process|worker_threads|os)|@aws-sdk\/|@aws-lambda-powertools\/|nodemailer)/;

describe('the import graph', () => {
  it('has no circle', () => {
    expect(importCircles(modules)).toEqual([]);
  });

  it('would show one: a → b → c → a, and a module that imports itself', () => {
    const module = (path: string, ...imports: string[]): [string, Module] => [
      path,
      { path, text: '', imports, packages: [] },
    ];
    const graph = new Map([
      module('a', 'b'),
      module('b', 'c'),
      module('c', 'a', 'd'),
      module('d'),
      module('e', 'e'),
    ]);
    expect(importCircles(graph)).toEqual([['a', 'b', 'c'], ['e']]);
  });
});

describe('lambda/core', () => {
  it.each(under('lambda/core').map((m) => [m.path, m] as const))(
    '%s imports only the core and the settings contract, and no I/O package',
    (_, module) => {
      expect(importsOutside(module, ['lambda/core', 'lambda/contracts'])).toEqual([]);
      expect(module.packages.filter((name) => IMPURE_PACKAGES.test(name))).toEqual([]);
    },
  );

  it.each(under('lambda/core').map((m) => [m.path, m] as const))(
    '%s reads neither the environment nor the clock',
    (_, module) => {
      expect(module.text).not.toMatch(/\bprocess\.env\b|\bDate\.now\(\)|\bnew Date\(\)/);
    },
  );
});

describe('lambda/contracts', () => {
  it.each(under('lambda/contracts').map((m) => [m.path, m] as const))(
    '%s imports only the contract, and no package',
    (_, module) => {
      expect(importsOutside(module, ['lambda/contracts'])).toEqual([]);
      expect(module.packages.filter((name) => !name.startsWith('node:'))).toEqual([]);
    },
  );
});

describe('lib', () => {
  it.each(under('lib').map((m) => [m.path, m] as const))(
    '%s knows lambda/ only through the settings contract (handlers by entry path)',
    (_, module) => {
      expect(importsOutside(module, ['lib', 'lambda/contracts'])).toEqual([]);
    },
  );
});

describe('lambda/handlers, the Lambda entries', () => {
  it.each(
    [...under('bin'), ...under('lambda/adapters'), ...under('lambda/wiring')].map(
      (m) => [m.path, m] as const,
    ),
  )('%s does not import a handler', (_, module) => {
    expect(module.imports.filter((path) => path.startsWith('lambda/handlers/'))).toEqual([]);
  });

  it.each(under('lambda/adapters').map((m) => [m.path, m] as const))(
    '%s does not import the wiring',
    (_, module) => {
      expect(module.imports.filter((path) => path.startsWith('lambda/wiring/'))).toEqual([]);
    },
  );
});
