/**
 * Throughput of the FHIR adapter alone (parse, map, validate, attachments, subjects; no store).
 * bench/run.ts calls `benchFhirParse(files)`; the store's share is measured there.
 */
import { detectFile, fileInput } from './file-input.js';
import { fhirAdapter } from './index.js';
import type { Extraction } from '../../core/types.js';

export interface FhirParseBench {
  files: number;
  resources: number;
  bytes: number;
  seconds: number;
  resourcesPerSecond: number;
  /** Peak resident set size seen between parts, in MB. */
  peakRssMb: number;
}

/** Runs every file through detectFormat + the adapter; parts are dropped as they come (bounded memory). */
export async function benchFhirParseDetailed(files: string[]): Promise<FhirParseBench> {
  let resources = 0;
  let bytes = 0;
  let peak = process.memoryUsage().rss;
  const t0 = process.hrtime.bigint();
  for (const file of files) {
    const format = detectFile(file);
    if (format !== 'fhir-json' && format !== 'fhir-ndjson' && format !== 'fhir-xml') continue;
    const input = fileInput(file, format);
    bytes += input.size;
    const result = fhirAdapter.extract(input);
    const parts: AsyncIterable<Extraction> | Extraction[] = Symbol.asyncIterator in result ? (result as AsyncIterable<Extraction>) : [await (result as Promise<Extraction>)];
    for await (const part of parts) {
      resources += part.resources.length;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { files: files.length, resources, bytes, seconds, resourcesPerSecond: Math.round(resources / Math.max(seconds, 1e-9)), peakRssMb: Math.round(peak / 1048576) };
}

/** Resources per second for the adapter alone over these files. */
export async function benchFhirParse(files: string[]): Promise<number> {
  return (await benchFhirParseDetailed(files)).resourcesPerSecond;
}
