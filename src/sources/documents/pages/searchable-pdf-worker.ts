/**
 * The searchable-PDF worker: pdf-lib opening a PDF original and making the searchable PDF of some
 * of its pages (searchable-pdf-core.ts), on a thread of its own started by
 * searchable-pdf-thread.ts with a heap limit, so a hostile file exhausts this thread and not the
 * process. One request at a time; the PDFs made are transferred, not copied.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import type { PDFDocument } from 'pdf-lib';
import type { ExtractedPage } from '../../../core/types.js';
import { openPdfSource, searchablePdfOfPdf } from './searchable-pdf-core.js';

export type SearchablePdfRequest =
  | { id: number; op: 'open'; src: number; bytes: Uint8Array }
  | { id: number; op: 'part'; src: number; pages: ExtractedPage[]; only: number[] }
  | { id: number; op: 'close'; src: number };

/** `heapMb`: the thread's committed heap after the request (figures for the heap limit). */
export type SearchablePdfReply = { id: number; ok: true; value: unknown; heapMb: number } | { id: number; ok: false; error: string; heapMb: number };

const sources = new Map<number, PDFDocument>();
// pdf-lib prints parse problems ("Invalid object ref: …", "Trying to parse invalid object"): the
// main thread decides what the user is told.
console.warn = console.log = console.info = () => undefined;

async function serve(m: SearchablePdfRequest): Promise<{ value: unknown; transfer?: ArrayBuffer[] }> {
  switch (m.op) {
    case 'open': {
      const doc = await openPdfSource(m.bytes);
      // Counting walks the whole page tree: a tree that costs too much fails here, once.
      return sources.set(m.src, doc), { value: { pages: doc.getPageCount() } };
    }
    case 'part': {
      const doc = sources.get(m.src);
      if (!doc) throw new Error(`source ${m.src} is not open`);
      const made = await searchablePdfOfPdf(doc, m.pages, m.only);
      const pdf = made.byteOffset === 0 && made.byteLength === made.buffer.byteLength ? made : made.slice();
      return { value: pdf, transfer: [pdf.buffer as ArrayBuffer] };
    }
    case 'close':
      sources.delete(m.src);
      return { value: true };
  }
}

const heapMb = () => Math.round(getHeapStatistics().total_heap_size / 1048576);

let chain: Promise<void> = Promise.resolve();
parentPort!.on('message', (m: SearchablePdfRequest) => {
  chain = chain.then(async () => {
    let reply: SearchablePdfReply;
    let transfer: ArrayBuffer[] = [];
    try {
      const r = await serve(m);
      reply = { id: m.id, ok: true, value: r.value, heapMb: heapMb() };
      transfer = r.transfer ?? [];
    } catch (e) {
      reply = { id: m.id, ok: false, error: (e as Error)?.message ?? String(e), heapMb: heapMb() };
    }
    parentPort!.postMessage(reply, transfer);
  });
});
parentPort!.postMessage({ ready: true });
