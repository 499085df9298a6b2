#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with Node's own test runner (TypeScript through tsx).
// Node 20's --test takes no globs, so the files are listed here. Extra args are passed on,
// e.g. `npm test -- --test-name-pattern=vault` or a path filter: `npm test -- src/vault`.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildWeb } from './build-web.mjs';

const args = process.argv.slice(2);
const filters = args.filter((a) => !a.startsWith('--'));
const passOn = args.filter((a) => a.startsWith('--'));

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

let files = ['src', 'test'].flatMap((d) => walk(d)).sort();
if (filters.length) files = files.filter((f) => filters.some((x) => f.includes(x)));
if (!files.length) {
  console.error('no test files matched');
  process.exit(1);
}
// The browser tests each build web/dist when it is stale; two of them starting together in a
// fresh clone would both build, and vite empties web/dist while the other already serves it.
// Build once here, before any test runs, so they all find it fresh.
if (files.some((f) => f.includes('e2e'))) await buildWeb();
const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...passOn, ...files], { stdio: 'inherit' });
process.exit(res.status ?? 1);
