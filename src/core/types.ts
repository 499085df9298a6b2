/**
 * Shared vocabulary of the ingestion spine. Every source adapter, the store and the
 * surfaces speak these types; nothing here does I/O.
 */
import type { Resource } from '@medplum/fhirtypes';

/** Formats recognised by content sniffing (see src/detect/detect.ts). */
export type Format =
  | 'fhir-json'
  | 'fhir-ndjson'
  | 'fhir-xml'
  | 'cda-xml'
  | 'hl7v2'
  | 'pdf'
  | 'tiff'
  | 'jpeg'
  | 'png'
  | 'dicom'
  | 'dicomdir'
  | 'zip'
  | 'xml'
  | 'text'
  | 'empty'
  | 'unknown';

/** Life cycle of a received document. `unsupported` = kept, visible, re-processable later. */
export type DocumentState = 'queued' | 'processing' | 'done' | 'failed' | 'unsupported';

/** How a document reached Vessel. */
export type Channel = 'cli' | 'upload' | 'watch' | 'smart' | 'zip-entry' | 'embedded' | 'split';

/** Where inside its source document a fact was found. All fields optional: each format fills its own. */
export interface SourceLocation {
  /** 1-based page number (PDF, TIFF, scans). */
  page?: number;
  /** Bounding box on the page in page pixels: [x0, y0, x1, y1]. */
  box?: [number, number, number, number];
  /** XPath-like path for XML sources (C-CDA). */
  xpath?: string;
  /** Entry id inside the source (C-CDA entry id root/extension, FHIR fullUrl). */
  entryId?: string;
  /** HL7 v2 segment reference such as `OBX[3]`. */
  segment?: string;
  /** 1-based line number (NDJSON, text). */
  line?: number;
  /** DICOM: SOP Instance UID or file path inside a CD. */
  path?: string;
}

/** Identity facts a document states about its patient; used to attach it to a person of the household. */
export interface PersonHints {
  name?: string;
  given?: string[];
  family?: string;
  birthDate?: string;
  gender?: string;
  identifiers?: Array<{ system?: string; value: string }>;
}

/** Severity-tagged message about one document or one resource; never thrown, always returned. */
export interface ExtractionIssue {
  severity: 'error' | 'warning' | 'information';
  code: string;
  message: string;
  location?: SourceLocation;
}

export interface ExtractedResource {
  resource: Resource;
  location: SourceLocation;
  /** Key into Extraction.subjects; absent = the extraction's only/first subject. */
  subject?: string;
  /** Original fullUrl in a Bundle (urn:uuid:… or absolute), used to resolve references. */
  fullUrl?: string;
}

/** One recognised word with its box in page pixels (OCR or PDF text layer). */
export interface PageWord {
  text: string;
  box: [number, number, number, number];
  confidence?: number;
}

export interface ExtractedPage {
  page: number;
  text: string;
  method: 'text-layer' | 'ocr' | 'narrative' | 'plain';
  /** Mean word confidence 0..100 for OCR pages. */
  confidence?: number;
  /** Page size in the pixel space of `words` boxes. */
  width?: number;
  height?: number;
  words?: PageWord[];
  /**
   * The page was read turned this far clockwise (a sideways scan, a PDF page showing its text
   * sideways): `words`, `width` and `height` describe the page turned upright.
   */
  turned?: 90 | 180 | 270;
}

/**
 * One document found inside a multi-document transmission (a fax holding a cover sheet, a
 * lab report and a visit note). Pages are 1-based and inclusive.
 */
export interface DocumentSegment {
  firstPage: number;
  lastPage: number;
  /** lab_report, discharge_summary, office_visit_note, medication_list, immunization_record, radiology_report, referral_letter, fax_cover_sheet, insurance_billing, other */
  type?: string;
  date?: string;
  facility?: string;
  author?: string;
  title?: string;
  /** Key into Extraction.subjects of the patient this segment is about. */
  subject?: string;
  /** 0..1 confidence of the type/identity decision; low = ask the user. */
  confidence?: number;
}

/** A file found inside another (zip entry, embedded PDF in a C-CDA, FHIR attachment, DICOM encapsulated PDF). */
export interface ChildFile {
  name: string;
  bytes: Uint8Array;
  /** Why it is a child: 'zip-entry', 'embedded', 'attachment', 'split'. */
  relation: 'zip-entry' | 'embedded' | 'attachment' | 'split';
  /** Key into Extraction.subjects of the patient the file is about (the resource holding it); absent = the document's person. */
  subject?: string;
  /**
   * What the resource holding an attachment says the file is and when (a note's type or
   * description, its date): the child document's title and date, so a list of documents names
   * a note "Progress note, 2020-10-09" instead of "DocumentReference-<id>-1.txt" imported today.
   */
  label?: { title?: string; date?: string };
  /**
   * A document split out of a transmission (relation 'split'): what its pages say, already read
   * in the parent's job (pages with the parent's page numbers, resources, subjects, label). It
   * is stored finished, without a job of its own.
   */
  read?: Extraction;
  /** The parent's pages it holds (1-based, inclusive): what makes it the same part when the parent is read again. */
  pages?: [number, number];
}

/** What a source adapter returns: resources with locations, page texts, issues. Pure data. */
export interface Extraction {
  resources: ExtractedResource[];
  pages?: ExtractedPage[];
  issues: ExtractionIssue[];
  subjects?: Record<string, PersonHints>;
  children?: ChildFile[];
  /** Documents found inside a transmission; absent = the file is one document. */
  segments?: DocumentSegment[];
  /** Document-level labels: type, date of service, facility, author. */
  label?: { type?: string; date?: string; facility?: string; author?: string; title?: string };
}

export interface SourceInput {
  filename: string;
  format: Format;
  size: number;
  /** The whole original, decrypted. Adapters of huge inputs should prefer `stream`. */
  bytes(): Promise<Buffer>;
  /** The original as a stream, bounded memory. */
  stream(): NodeJS.ReadableStream;
}

/**
 * A source adapter: one per format family under src/sources/<name>/.
 * `extract` may return one Extraction or yield several parts (for streaming huge inputs);
 * it must not throw for bad input it can describe: return issues instead.
 */
export interface SourceAdapter {
  name: string;
  formats: Format[];
  extract(input: SourceInput): Promise<Extraction> | AsyncIterable<Extraction>;
}

export function emptyExtraction(): Extraction {
  return { resources: [], issues: [] };
}
