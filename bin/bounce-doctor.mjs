#!/usr/bin/env node
// Launcher for the installed `bounce-doctor` command: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./bounce-doctor.ts');
