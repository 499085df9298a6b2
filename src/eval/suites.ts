/**
 * The eval suites by name, loaded on demand. To add one:
 * { name, load: async () => (await import('./x.js')).suite }.
 */
import type { EvalSuite } from './types.js';

interface SuiteEntry {
  name: string;
  load(): Promise<EvalSuite>;
}

const entries: SuiteEntry[] = [
  { name: 'fhir', load: async () => (await import('./fhir.js')).suite },
  { name: 'dicom', load: async () => (await import('./dicom.js')).suite },
  { name: 'fax', load: async () => (await import('./fax.js')).suite },
  { name: 'dedup', load: async () => (await import('./dedup.js')).suite },
  { name: 'ccda', load: async () => (await import('./ccda.js')).suite },
  { name: 'hl7v2', load: async () => (await import('./hl7v2.js')).suite },
];

export async function evalSuite(name: string): Promise<EvalSuite | undefined> {
  return entries.find((s) => s.name === name)?.load();
}

export function evalSuiteNames(): string[] {
  return entries.map((s) => s.name);
}
