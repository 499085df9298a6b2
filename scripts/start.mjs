#!/usr/bin/env node
// `npm start`: builds the web app if web/dist is missing or stale, then runs `vessel serve`
// (extra arguments are passed on, e.g. `npm start -- --port 8080`).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWeb } from './build-web.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
try {
  await buildWeb();
} catch (err) {
  // The API still works without the app; the server then serves web/static.
  console.error(`could not build the web app: ${err.message}; serving the fallback page`);
}
// glibc gives each thread that allocates (libvips, OCR workers) its own malloc arena and keeps
// their freed pages: reading a fax with OCR peaked at 644 MB RSS with the default arenas and
// 490 MB with two, at the same CPU (src/sources/documents/pages/README.md). Set it yourself to override.
const env = { MALLOC_ARENA_MAX: '2', ...process.env };
const child = spawn(process.execPath, [path.join(root, 'bin', 'vessel.js'), 'serve', ...process.argv.slice(2)], { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
