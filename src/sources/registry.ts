/**
 * Which adapter extracts which format. One entry per source family, loaded on first use so
 * the CLI starts fast and a heavy reader (OCR, PDF, DICOM codecs) costs nothing until a
 * file needs it. A format with no adapter is stored as `unsupported` with a clear reason
 * and can be re-processed later.
 *
 * To add a source: one entry { name, formats, load: async () => (await import('./x/index.js')).xAdapter }.
 */
import type { Format, SourceAdapter } from '../core/types.js';

interface AdapterEntry {
  name: string;
  formats: Format[];
  load(): Promise<SourceAdapter>;
}

const entries: AdapterEntry[] = [
  { name: 'text', formats: ['text'], load: async () => (await import('./text/index.js')).textAdapter },
  { name: 'fhir', formats: ['fhir-json', 'fhir-ndjson', 'fhir-xml'], load: async () => (await import('./fhir/index.js')).fhirAdapter },
  { name: 'dicom', formats: ['dicom', 'dicomdir'], load: async () => (await import('./dicom/index.js')).dicomAdapter },
  { name: 'documents', formats: ['pdf', 'tiff', 'jpeg', 'png'], load: async () => (await import('./documents/index.js')).documentsAdapter },
  { name: 'ccda', formats: ['cda-xml'], load: async () => (await import('./ccda/index.js')).ccdaAdapter },
  { name: 'hl7v2', formats: ['hl7v2'], load: async () => (await import('./hl7v2/index.js')).hl7v2Adapter },
];

const loaded = new Map<string, Promise<SourceAdapter>>();

export async function adapterFor(format: Format): Promise<SourceAdapter | undefined> {
  const entry = entries.find((e) => e.formats.includes(format));
  if (!entry) return undefined;
  let p = loaded.get(entry.name);
  if (!p) {
    p = entry.load();
    loaded.set(entry.name, p);
  }
  return p;
}

export function supportedFormats(): Format[] {
  return entries.flatMap((e) => e.formats);
}
