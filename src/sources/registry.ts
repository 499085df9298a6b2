/**
 * Which adapter extracts which format. One line per source family; a format with no
 * adapter is stored as `unsupported` with a clear reason and can be re-processed later.
 */
import type { Format, SourceAdapter } from '../core/types.js';
import { fhirAdapter } from './fhir/index.js';

const adapters: SourceAdapter[] = [
  fhirAdapter,
  // Each source family adds its adapter here, e.g.: fhirAdapter, ccdaAdapter, documentsAdapter, dicomAdapter, hl7v2Adapter.
];

export function adapterFor(format: Format): SourceAdapter | undefined {
  return adapters.find((a) => a.formats.includes(format));
}

export function supportedFormats(): Format[] {
  return adapters.flatMap((a) => a.formats);
}
