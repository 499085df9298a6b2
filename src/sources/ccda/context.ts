/** What every section mapper receives: narrative lookups, the patient reference, id minting, warnings. */
import type { Patient, Reference, Resource } from '@medplum/fhirtypes';
import type { ExtractionIssue } from '../../core/types.js';

export interface MapContext {
  /** Narrative ID → text, for `<reference value="#id"/>`. */
  ids: Map<string, string>;
  /** Reference to the document's patient. */
  patient: Reference<Patient>;
  /** A fresh id, unique within the extraction and stable for the same bytes. */
  newId(): string;
  /** Records a warning located at the entry being mapped. */
  warn(code: string, message: string): void;
}

export function testContext(ids: Record<string, string> = {}): MapContext & { issues: ExtractionIssue[] } {
  let n = 0;
  const issues: ExtractionIssue[] = [];
  return {
    ids: new Map(Object.entries(ids)),
    patient: { reference: 'Patient/patient' },
    newId: () => `t${++n}`,
    warn: (code, message) => issues.push({ severity: 'warning', code, message }),
    issues,
  };
}

/** A resource with its id set (mappers always set one so siblings can reference it). */
export type Mapped = Resource & { id: string };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const ref = <T extends Resource = any>(r: Mapped): Reference<T> => ({ reference: `${r.resourceType}/${r.id}` });
