// The code blocks of one section of CONTRIBUTING.md, as a test reads them to check that the section's
// real example still is what the sources say (the blocks' list indentation taken off).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export function contributingBlocks(heading: string): string[] {
  const contributing = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
  const section = contributing.slice(contributing.indexOf(`## ${heading}`));
  const steps = section.slice(0, section.indexOf('\n## ', 3));
  return [...steps.matchAll(/```ts\n([\s\S]*?)\n\s*```/g)].map(([, code = '']) =>
    code.replace(/^ {3}/gm, ''),
  );
}

/** True when a source file holds a block as it is shown. */
export const holds = (source: string, block: string | undefined) =>
  block !== undefined && readFileSync(join(ROOT, source), 'utf8').includes(block);
