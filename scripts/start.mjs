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
const child = spawn(process.execPath, [path.join(root, 'bin', 'vessel.js'), 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
