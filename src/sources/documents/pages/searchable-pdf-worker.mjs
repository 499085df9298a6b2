// Starts the searchable-PDF worker (searchable-pdf-worker.ts), which searchable-pdf-thread.ts
// runs with execArgv [] (no loader inherited): tsx is registered here for the TypeScript, as
// pdf-worker.mjs and src/imaging/frame-worker.mjs do.
try {
  await import('./searchable-pdf-worker.ts');
} catch (e) {
  if (e?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw e;
  const { register } = await import('tsx/esm/api');
  register();
  await import('./searchable-pdf-worker.ts?loader=tsx');
}
