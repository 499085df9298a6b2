/**
 * The documents source: PDFs, TIFF faxes, scans and photos. Reads pages (text layer or OCR,
 * src/sources/documents/pages/) and hands them to the structuring half
 * (src/sources/documents/structure/) for segments, patients and FHIR resources.
 */
import type { ChildFile, Extraction, ExtractionIssue, ExtractedPage, Format, SourceAdapter, SourceInput } from '../../core/types.js';
import { OcrPool } from './pages/ocr-pool.js';
import { readPages, type PageFormat } from './pages/read.js';
import { makeSearchablePdf } from './pages/searchable-pdf.js';
import { splitTransmission } from './structure/parts.js';
import { structureTransmission } from './structure/index.js';

export { readPages, readAllPages } from './pages/read.js';
export { OcrPool } from './pages/ocr-pool.js';
export { makeSearchablePdf } from './pages/searchable-pdf.js';

let pool: OcrPool | undefined;

/** The process-wide OCR pool, created on first use; idle workers stop by themselves. */
export function sharedOcrPool(): OcrPool {
  if (!pool) {
    // Workers stop after 5 s without work (so the process can exit) and restart on demand.
    pool = new OcrPool({ idleTimeoutMs: 5000 });
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

/**
 * Reads every page, then structures the transmission. A transmission holding several
 * documents comes back with one child per document (relation 'split'): a searchable PDF of
 * just its pages, and what was read on them. Pure apart from the OCR workers.
 */
export async function extractDocument(bytes: Uint8Array, format: PageFormat, opts: { password?: string; ocr?: OcrPool; maxPages?: number; filename?: string } = {}): Promise<Extraction> {
  const pages: ExtractedPage[] = [];
  const issues: ExtractionIssue[] = [];
  try {
    for await (const r of readPages(bytes, format, { ocr: opts.ocr ?? sharedOcrPool(), password: opts.password, maxPages: opts.maxPages })) {
      if (r.page) pages.push(r.page);
      issues.push(...r.issues);
    }
  } catch (e) {
    issues.push({ severity: 'error', code: 'read-failed', message: `Reading the document failed: ${(e as Error)?.message ?? String(e)}` });
  }
  const extraction: Extraction = { resources: [], pages, issues };
  if (!pages.some((p) => p.text.trim())) return extraction;
  // Structuring half (other module): segments, subjects, resources, label.
  try {
    const s = structureTransmission(pages);
    extraction.resources.push(...(s.resources ?? []));
    extraction.issues.push(...(s.issues ?? []));
    if (s.segments) extraction.segments = s.segments;
    if (s.subjects) extraction.subjects = s.subjects;
    if (s.label) extraction.label = s.label;
    if (s.children) extraction.children = s.children;
  } catch (e) {
    issues.push({ severity: 'error', code: 'structure-failed', message: `Structuring the pages failed: ${(e as Error)?.message ?? String(e)}` });
  }
  return withParts(extraction, bytes, format, opts.filename ?? 'fax');
}

/**
 * The documents of a transmission as children with files of their own. When a part's PDF
 * cannot be made (a PDF pdf-lib cannot open), the transmission stays one document holding
 * everything, with a warning: nothing read is lost.
 */
async function withParts(ext: Extraction, bytes: Uint8Array, format: PageFormat, filename: string): Promise<Extraction> {
  const { transmission, parts } = splitTransmission(ext);
  if (!parts.length) return ext;
  const stem = filename.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'fax';
  const children: ChildFile[] = [];
  try {
    for (const { segment, extraction } of parts) {
      const numbers = (extraction.pages ?? []).map((p) => p.page);
      if (!numbers.length) continue; // nothing was read there: nothing to show on its own
      const pdf = await makeSearchablePdf(bytes, format, extraction.pages ?? [], { only: numbers });
      const range = segment.firstPage === segment.lastPage ? `page ${segment.firstPage}` : `pages ${segment.firstPage}-${segment.lastPage}`;
      children.push({
        name: `${stem}, ${range} (${segment.title ?? 'document'}).pdf`,
        bytes: pdf,
        relation: 'split',
        read: extraction,
        pages: [segment.firstPage, segment.lastPage],
      });
    }
  } catch (e) {
    ext.issues.push({ severity: 'warning', code: 'split-file-failed', message: `The ${parts.length} documents in this file could not be saved as files of their own (${(e as Error)?.message ?? String(e)}); they are kept together in this one.` });
    return ext;
  }
  return { ...transmission, children: [...(transmission.children ?? []), ...children] };
}

export const documentsAdapter: SourceAdapter = {
  name: 'documents',
  formats: PAGE_FORMATS,
  async extract(input: SourceInput): Promise<Extraction> {
    if (!PAGE_FORMATS.includes(input.format)) {
      return { resources: [], issues: [{ severity: 'error', code: 'unsupported-format', message: `The documents adapter does not read ${input.format}.` }] };
    }
    let bytes: Buffer;
    try {
      bytes = await input.bytes();
    } catch (e) {
      return { resources: [], issues: [{ severity: 'error', code: 'read-failed', message: `Could not read ${input.filename}: ${(e as Error)?.message ?? String(e)}` }] };
    }
    return extractDocument(bytes, input.format as PageFormat, { filename: input.filename });
  },
};
