/**
 * The PDF worker: pdfjs (open, text layer, image resolution probe, render) on a thread of its
 * own, started by pdf-thread.ts with a heap limit, so a hostile file exhausts this thread's heap
 * or time budget and not the process. One request at a time; replies carry the warnings pdfjs
 * gave while serving it. Rendered pages are transferred to the main thread, not copied.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { openPdf, pageImageDpi, pageTextLayer, renderPage } from './pdf.js';

export type PdfRequest =
  | { id: number; op: 'open'; doc: number; bytes: Uint8Array; password?: string }
  | { id: number; op: 'text' | 'dpi' | 'size'; doc: number; page: number }
  | { id: number; op: 'render'; doc: number; page: number; dpi: number; ydpi?: number }
  | { id: number; op: 'close'; doc: number };

/** `heapMb`: the thread's committed heap after the request (V8 total_heap_size; it lags the peak only a little). */
export type PdfReply = { id: number; ok: true; value: unknown; warnings: string[]; heapMb: number } | { id: number; ok: false; error: string; warnings: string[]; heapMb: number };

/** Warnings kept per request (a damaged file can give thousands). */
const MAX_WARNINGS = 50;

const docs = new Map<number, { doc: PDFDocumentProxy; page?: PDFPageProxy }>();
let warnings: string[] = [];

// pdfjs reports through console.warn ("Warning: …") at verbosity 1: keep them for the reply,
// print nothing (the main thread decides what the user is told).
console.warn = (...args: unknown[]) => {
  if (warnings.length < MAX_WARNINGS) warnings.push(args.map(String).join(' ').slice(0, 300));
};
console.log = console.info = () => undefined;

async function page(docId: number, n: number): Promise<PDFPageProxy> {
  const d = docs.get(docId);
  if (!d) throw new Error(`document ${docId} is not open`);
  if (d.page && d.page.pageNumber !== n) {
    // One page at a time: the previous page's parsed resources are released.
    d.page.cleanup();
    d.page = undefined;
  }
  d.page ??= await d.doc.getPage(n);
  return d.page;
}

async function serve(m: PdfRequest): Promise<{ value: unknown; transfer?: ArrayBuffer[] }> {
  switch (m.op) {
    case 'open': {
      const r = await openPdf(m.bytes, m.password, { verbosity: 1 });
      if (!r.ok) return { value: { ok: false, code: r.code, message: r.message } };
      docs.get(m.doc)?.doc.destroy().catch(() => undefined);
      docs.set(m.doc, { doc: r.doc });
      return { value: { ok: true, numPages: r.doc.numPages, repaired: r.repaired } };
    }
    case 'text':
      return { value: await pageTextLayer(await page(m.doc, m.page)) };
    case 'dpi':
      return { value: await pageImageDpi(await page(m.doc, m.page)) };
    case 'size': {
      const vp = (await page(m.doc, m.page)).getViewport({ scale: 1 });
      return { value: { width: vp.width, height: vp.height } };
    }
    case 'render': {
      const d = docs.get(m.doc);
      const r = await renderPage(d!.doc, await page(m.doc, m.page), m.dpi, m.ydpi);
      return { value: r, transfer: [r.data.buffer as ArrayBuffer] };
    }
    case 'close': {
      const d = docs.get(m.doc);
      docs.delete(m.doc);
      await d?.doc.destroy().catch(() => undefined);
      return { value: true };
    }
  }
}

const heapMb = () => Math.round(getHeapStatistics().total_heap_size / 1048576);

// Requests are served one at a time, in order (pdfjs is single-threaded anyway).
let chain: Promise<void> = Promise.resolve();
parentPort!.on('message', (m: PdfRequest) => {
  chain = chain.then(async () => {
    warnings = [];
    let reply: PdfReply;
    let transfer: ArrayBuffer[] = [];
    try {
      const r = await serve(m);
      reply = { id: m.id, ok: true, value: r.value, warnings, heapMb: heapMb() };
      transfer = r.transfer ?? [];
    } catch (e) {
      reply = { id: m.id, ok: false, error: (e as Error)?.message ?? String(e), warnings, heapMb: heapMb() };
    }
    parentPort!.postMessage(reply, transfer);
  });
});
parentPort!.postMessage({ ready: true });
