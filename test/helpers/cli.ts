// Where the compiled command line is: the tests run what the package ships, built by test/build-dist.ts.
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'bounce-doctor.js');
