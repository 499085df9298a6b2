// Starts the frame worker. Under `node --import tsx` (tests, bench) the worker may inherit the
// TypeScript loader; under bin/vessel.js (tsx registered in-process) it does not, so register
// it and import again (with a query: a failed import is cached under its plain URL).
try {
  await import('./frame-worker.ts');
} catch (e) {
  if (e?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw e;
  const { register } = await import('tsx/esm/api');
  register();
  await import('./frame-worker.ts?loader=tsx');
}
