/**
 * A transmission's documents as documents of their own. Each segment the splitter found
 * becomes one part: its pages (with the transmission's page numbers, so "page 4" means the
 * same sheet in both), the resources found on those pages, its patient and the issues about
 * those pages. Pure; the caller adds the part's own file (a PDF of just its pages).
 *
 * A transmission holding one document (no cover sheet, one segment) is not split: the file
 * is the document, and a child that repeats it would only be a second copy to look at.
 */
import type { DocumentSegment, Extraction, ExtractionIssue } from '../../../core/types.js';

export interface TransmissionPart {
  segment: DocumentSegment;
  /** What the part holds, as if it had been read on its own. */
  extraction: Extraction;
}

/** Issues that describe a document's content: they follow the document into its part. */
const CONTENT_ISSUES = new Set(['no-patient']);

const within = (page: number | undefined, s: DocumentSegment) => page !== undefined && page >= s.firstPage && page <= s.lastPage;

/**
 * Splits a structured transmission into parts (two or more segments), or returns it whole.
 * Resources, patients and content issues move to the parts; the transmission keeps every
 * page (it stays searchable and readable as received), its label and segments, and what lies
 * outside every segment.
 */
export function splitTransmission(ext: Extraction): { transmission: Extraction; parts: TransmissionPart[] } {
  const segments = [...(ext.segments ?? [])].sort((a, b) => a.firstPage - b.firstPage);
  if (segments.length < 2) return { transmission: ext, parts: [] };
  const parts: TransmissionPart[] = segments.map((segment) => {
    const subject = segment.subject && ext.subjects?.[segment.subject] ? { [segment.subject]: ext.subjects[segment.subject]! } : undefined;
    return {
      segment,
      extraction: {
        pages: (ext.pages ?? []).filter((p) => within(p.page, segment)),
        resources: ext.resources.filter((r) => within(r.location.page, segment)),
        issues: ext.issues.filter((i) => within(i.location?.page, segment)),
        ...(subject ? { subjects: subject } : {}),
        label: {
          ...(segment.type ? { type: segment.type } : {}),
          ...(segment.date ? { date: segment.date } : {}),
          ...(segment.facility ? { facility: segment.facility } : {}),
          ...(segment.author ? { author: segment.author } : {}),
          ...(segment.title ? { title: segment.title } : {}),
        },
      },
    };
  });
  const inAPart = (page: number | undefined) => segments.some((s) => within(page, s));
  const leftover = ext.resources.filter((r) => !inAPart(r.location.page));
  const leftoverSubjects = Object.fromEntries(Object.entries(ext.subjects ?? {}).filter(([k]) => leftover.some((r) => r.subject === k)));
  const keepIssue = (i: ExtractionIssue) => !(CONTENT_ISSUES.has(i.code) && inAPart(i.location?.page));
  const { subjects: _moved, ...rest } = ext;
  const transmission: Extraction = {
    ...rest,
    resources: leftover,
    issues: ext.issues.filter(keepIssue),
    ...(Object.keys(leftoverSubjects).length ? { subjects: leftoverSubjects } : {}),
  };
  return { transmission, parts };
}
