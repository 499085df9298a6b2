/**
 * The documents source: PDFs, TIFF faxes, scans and photos. Reads pages (text layer or OCR,
 * src/sources/documents/pages/) and hands them to the structuring half
 * (src/sources/documents/structure/) for segments, patients and FHIR resources.
 */
import type { ChildFile, Extraction, ExtractionIssue, ExtractedPage, Format, SourceAdapter, SourceInput } from '../../core/types.js';
import { OcrPool } from './pages/ocr-pool.js';
import { readPages, type PageFormat } from './pages/read.js';
import { makeSearchablePdf } from './pages/searchable-pdf.js';
import { sharedSearchablePdfThread, type SearchablePdfSource, type SearchablePdfThread } from './pages/searchable-pdf-thread.js';
import { splitTransmission } from './structure/parts.js';
import { structureTransmission } from './structure/index.js';
import { pushAll } from '../../core/arrays.js';

export { readPages, readAllPages } from './pages/read.js';
export { OcrPool } from './pages/ocr-pool.js';
export { makeSearchablePdf } from './pages/searchable-pdf.js';

let pool: OcrPool | undefined;

/**
 * Recognitions per OCR worker before it is replaced (a page is one recognition plus a few
 * crop re-reads): tesseract.js workers only grow, so a long fax read by the same two workers
 * grows the process page after page. A fresh worker costs about a second of CPU.
 * `VESSEL_OCR_JOBS_PER_WORKER` overrides it (0: never replace; for measuring).
 */
export const OCR_JOBS_PER_WORKER = 50;

/** The process-wide OCR pool, created on first use; idle workers stop by themselves. */
export function sharedOcrPool(): OcrPool {
  if (!pool) {
    // Workers stop after 5 s without work (so the process can exit) and restart on demand.
    const env = process.env.VESSEL_OCR_JOBS_PER_WORKER;
    pool = new OcrPool({ idleTimeoutMs: 5000, maxJobsPerWorker: env !== undefined && env !== '' ? Number(env) : OCR_JOBS_PER_WORKER });
  }
  return pool;
}

/** Terminates the shared pool (tests, CLI commands that finish). */
export async function closeSharedOcrPool(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.terminate();
}

const PAGE_FORMATS: Format[] = ['pdf', 'tiff', 'jpeg', 'png'];

/** Pages handed on (to be stored) together as they are read. */
const PAGE_BATCH = 8;

/**
 * Reads every page, then structures the transmission, as a stream of extractions: the pages
 * in small batches as they are read (the store writes them at once), then each document of a
 * multi-document transmission as a child of its own (relation 'split', a searchable PDF of
 * just its pages, built only when its turn comes so one part's file is in memory at a time),
 * and last the transmission's own label, segments, people and leftover resources. What stays
 * in memory until the end is what structuring needs: each page's text and word boxes.
 * Pure apart from the OCR workers.
 */
export async function* extractDocumentStream(bytes: Uint8Array, format: PageFormat, opts: ExtractOptions = {}): AsyncGenerator<Extraction> {
  const pages: ExtractedPage[] = [];
  const issues: ExtractionIssue[] = [];
  let batch: ExtractedPage[] = [];
  const ocr = opts.ocr ?? sharedOcrPool();
  const release = ocr.hold();
  try {
    for await (const r of readPages(bytes, format, { ocr, password: opts.password, maxPages: opts.maxPages })) {
      if (r.page) {
        pages.push(r.page);
        batch.push(r.page);
      }
      issues.push(...r.issues);
      if (batch.length >= PAGE_BATCH) {
        yield { resources: [], pages: batch, issues: [] };
        batch = [];
      }
    }
  } catch (e) {
    issues.push({ severity: 'error', code: 'read-failed', message: `Reading the document failed: ${(e as Error)?.message ?? String(e)}` });
  } finally {
    release();
  }
  if (batch.length) yield { resources: [], pages: batch, issues: [] };
  const extraction: Extraction = { resources: [], pages, issues };
  if (!pages.some((p) => p.text.trim())) {
    yield { resources: [], issues };
    return;
  }
  // Structuring half (other module): segments, subjects, resources, label.
  try {
    const s = structureTransmission(pages);
    pushAll(extraction.resources, s.resources);
    pushAll(extraction.issues, s.issues);
    if (s.segments) extraction.segments = s.segments;
    if (s.subjects) extraction.subjects = s.subjects;
    if (s.label) extraction.label = s.label;
    if (s.children) extraction.children = s.children;
  } catch (e) {
    issues.push({ severity: 'error', code: 'structure-failed', message: `Structuring the pages failed: ${(e as Error)?.message ?? String(e)}` });
  }
  // The pages went out above: the rest goes without them.
  for await (const x of withParts(extraction, bytes, format, opts.filename ?? 'fax', opts.searchablePdfThread)) yield { ...x, pages: undefined };
}

export interface ExtractOptions {
  password?: string;
  ocr?: OcrPool;
  maxPages?: number;
  filename?: string;
  /** Where searchable PDFs of PDF originals are made (default: the process's bounded thread). */
  searchablePdfThread?: SearchablePdfThread;
}

/**
 * The whole extraction as one value (tests, small files): extractDocumentStream's pieces put
 * back together. Holds every part's file at once; the adapter streams instead.
 */
export async function extractDocument(bytes: Uint8Array, format: PageFormat, opts: ExtractOptions = {}): Promise<Extraction> {
  const whole: Extraction = { resources: [], pages: [], issues: [] };
  for await (const x of extractDocumentStream(bytes, format, opts)) {
    pushAll(whole.pages!, x.pages);
    pushAll(whole.resources, x.resources);
    pushAll(whole.issues, x.issues);
    if (x.children) whole.children = [...(whole.children ?? []), ...x.children];
    if (x.segments) whole.segments = x.segments;
    if (x.subjects) whole.subjects = x.subjects;
    if (x.label) whole.label = x.label;
  }
  return whole;
}

/**
 * The documents of a transmission as children with files of their own, one at a time, then
 * the transmission itself (last, so a part whose file fails can fall back into it). When the
 * first part's PDF cannot be made (a PDF pdf-lib cannot open: every part would fail alike),
 * the transmission stays one document holding everything, with a warning: nothing read is lost.
 * A PDF original is opened by pdf-lib in a thread of its own with a heap limit, a time budget
 * and a memory watch (searchable-pdf-thread.ts): a file made to exhaust pdf-lib ends in that
 * warning, not in the process.
 */
async function* withParts(ext: Extraction, bytes: Uint8Array, format: PageFormat, filename: string, thread?: SearchablePdfThread): AsyncGenerator<Extraction> {
  const { transmission, parts } = splitTransmission(ext);
  if (!parts.length) {
    yield ext;
    return;
  }
  const stem = filename.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'fax';
  const kept: Extraction[] = [];
  let made = 0;
  // A PDF original is opened once for all its parts (each part copies its pages out of it).
  let source: SearchablePdfSource | undefined;
  try {
    for (const { segment, extraction } of parts) {
      const numbers = (extraction.pages ?? []).map((p) => p.page);
      if (!numbers.length) continue; // nothing was read there: nothing to show on its own
      let pdf: Uint8Array;
      try {
        if (format === 'pdf') {
          source ??= await (thread ?? sharedSearchablePdfThread()).open(bytes);
          pdf = await source.part(extraction.pages ?? [], numbers);
        } else pdf = await makeSearchablePdf(bytes, format, extraction.pages ?? [], { only: numbers });
      } catch (e) {
        const why = (e as Error)?.message ?? String(e);
        if (!made) {
          ext.issues.push({ severity: 'warning', code: 'split-file-failed', message: `The ${parts.length} documents in this file could not be saved as files of their own (${why}); they are kept together in this one.` });
          yield ext;
          return;
        }
        // Unexpected after a first part was made: this part's findings stay with the transmission.
        kept.push(extraction);
        transmission.issues.push({ severity: 'warning', code: 'split-file-failed', message: `Pages ${segment.firstPage}-${segment.lastPage} could not be saved as a document of their own (${why}); what was read there stays with this file.`, location: { page: segment.firstPage } });
        continue;
      }
      made++;
      const range = segment.firstPage === segment.lastPage ? `page ${segment.firstPage}` : `pages ${segment.firstPage}-${segment.lastPage}`;
      yield {
        resources: [],
        issues: [],
        children: [{ name: `${stem}, ${range} (${segment.title ?? 'document'}).pdf`, bytes: pdf, relation: 'split', read: extraction, pages: [segment.firstPage, segment.lastPage] }],
      };
    }
  } finally {
    await source?.close();
  }
  for (const x of kept) {
    pushAll(transmission.resources, x.resources);
    if (x.subjects) transmission.subjects = { ...transmission.subjects, ...x.subjects };
  }
  yield transmission;
}

export const documentsAdapter: SourceAdapter = {
  name: 'documents',
  formats: PAGE_FORMATS,
  async *extract(input: SourceInput): AsyncGenerator<Extraction> {
    if (!PAGE_FORMATS.includes(input.format)) {
      yield { resources: [], issues: [{ severity: 'error', code: 'unsupported-format', message: `The documents adapter does not read ${input.format}.` }] };
      return;
    }
    let bytes: Buffer;
    try {
      bytes = await input.bytes();
    } catch (e) {
      yield { resources: [], issues: [{ severity: 'error', code: 'read-failed', message: `Could not read ${input.filename}: ${(e as Error)?.message ?? String(e)}` }] };
      return;
    }
    yield* extractDocumentStream(bytes, input.format as PageFormat, { filename: input.filename });
  },
};
