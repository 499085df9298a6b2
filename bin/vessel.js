#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node
// The `vessel` command. Loads the TypeScript sources through tsx so there is no build step
// to forget; the CLI itself lives in src/cli/main.ts.
// MALLOC_ARENA_MAX=2 (as `npm start` sets it): glibc's per-thread malloc arenas held ~150 MB of
// a fax reading's RSS (OCR worker threads); `env -S` sets it without a wrapper process, so a
// signal to `vessel` reaches node itself. Started as `node bin/vessel.js`, the environment decides.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
