// Starts the PDF worker (pdf-worker.ts), which pdf-thread.ts runs with execArgv [] (no loader
// inherited). pdfjs is loaded first, natively: loaded through tsx (source maps on) its modules
// and their maps took ~70 MB more of the thread's heap and 1 s more to start. The fake worker
// pdfjs runs under Node takes its handler from globalThis.pdfjsWorker. Then tsx is registered
// for the TypeScript (as src/imaging/frame-worker.mjs does when no loader was inherited).
globalThis.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
await import('pdfjs-dist/legacy/build/pdf.mjs');
try {
  await import('./pdf-worker.ts');
} catch (e) {
  if (e?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw e;
  const { register } = await import('tsx/esm/api');
  register();
  await import('./pdf-worker.ts?loader=tsx');
}
