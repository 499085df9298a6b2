#!/usr/bin/env node
// Builds the web app (web/src → web/dist) when web/dist is missing or older than its sources.
// `node scripts/build-web.mjs --force` always builds. Used by `npm start` and the e2e tests.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const distIndex = path.join(web, 'dist', 'index.html');

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, name)));
  return max;
}

/** True when web/dist is missing or any source of the app is newer than it. */
export function webIsStale() {
  if (!fs.existsSync(distIndex)) return true;
  const built = fs.statSync(distIndex).mtimeMs;
  const inputs = [path.join(web, 'src'), path.join(web, 'index.html'), path.join(web, 'vite.config.ts'), path.join(root, 'src', 'views', 'types.ts')];
  return inputs.some((p) => newestMtime(p) > built);
}

export async function buildWeb({ force = false, quiet = false } = {}) {
  if (!force && !webIsStale()) return false;
  const started = Date.now();
  if (!quiet) console.error('building the web app (web/src → web/dist)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(web, 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });
  if (!quiet) console.error(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildWeb({ force: process.argv.includes('--force') });
}
