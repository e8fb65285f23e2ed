// The project's import graph, read from the sources with a pattern (no compiler): each module's relative
// imports resolved to files, and its package imports by name. For the architecture test.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export interface Module {
  /** Repository-relative path, e.g. `lambda/core/decode.ts`. */
  path: string;
  text: string;
  /** Repository-relative paths of the modules it imports (type-only imports included). */
  imports: string[];
  /** Package specifiers, e.g. `mailparser`, `node:crypto`, `@aws-sdk/client-s3`. */
  packages: string[];
}

/** `… from 'x'`, `import('x')`, `import 'x'`: the specifier is the second group. */
const SPECIFIER = /(?:(?:^|[\s}])from\s+|\bimport\s*\(\s*|^\s*import\s+)(['"])([^'"\n]+)\1/gm;

export function importGraph(folders: readonly string[]): Map<string, Module> {
  const modules = new Map<string, Module>();
  for (const folder of folders) {
    for (const file of tsFiles(join(ROOT, folder))) {
      const text = readFileSync(file, 'utf8');
      const path = relative(ROOT, file);
      const imports: string[] = [];
      const packages: string[] = [];
      for (const [, , specifier] of text.matchAll(SPECIFIER)) {
        if (!specifier) continue;
        if (specifier.startsWith('.')) imports.push(relative(ROOT, resolve(dirname(file), specifier)));
        else packages.push(specifier);
      }
      modules.set(path, { path, text, imports, packages });
    }
  }
  return modules;
}

/** Each import circle once, as the modules along it (Tarjan's strongly connected components). */
export function importCircles(modules: ReadonlyMap<string, Module>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (path: string): void => {
    index.set(path, counter);
    low.set(path, counter);
    counter++;
    stack.push(path);
    onStack.add(path);
    for (const next of modules.get(path)?.imports ?? []) {
      if (!modules.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(path, Math.min(low.get(path) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(path, Math.min(low.get(path) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(path) !== index.get(path)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      component.push(member);
      if (member === path) break;
    }
    if (component.length > 1 || modules.get(path)?.imports.includes(path)) circles.push(component.sort());
  };
  for (const path of modules.keys()) if (!index.has(path)) visit(path);
  return circles;
}

function tsFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}
