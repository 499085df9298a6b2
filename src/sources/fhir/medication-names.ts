/**
 * A medication resource that points at a Medication elsewhere in the same input
 * (`medicationReference: {reference: 'urn:uuid:…'}` in an IPS document, `Medication/123` in a
 * search with `_include=MedicationRequest:medication`) and gives no display has no name of its
 * own: lists showed "Medication" and the record made no medication of it. The reference's
 * `display` — FHIR's own text for what a reference points at — is filled in from that
 * Medication's code (its text, else its first coding's display). Nothing else changes; a
 * display the source gave is kept, and a contained Medication (`#id`) is read where it is.
 */
import type { ExtractedResource } from '../../core/types.js';
import { ReferenceIndex } from './references.js';

const MEDICATION_HOLDERS = new Set(['MedicationRequest', 'MedicationStatement', 'MedicationDispense', 'MedicationAdministration']);

type Json = Record<string, any>;

/** The name a Medication's code gives, if any. */
export function medicationName(med: Json | undefined): string | undefined {
  const code = med?.code;
  if (!code || typeof code !== 'object') return undefined;
  if (typeof code.text === 'string' && code.text.trim()) return code.text.trim();
  const coding = Array.isArray(code.coding) ? code.coding.find((c: Json) => typeof c?.display === 'string' && c.display.trim()) : undefined;
  return coding?.display.trim();
}

/** Fills `medicationReference.display` from the Medication it resolves to within `items` (in place). */
export function nameMedicationReferences(items: ExtractedResource[]): void {
  if (!items.some((it) => it.resource.resourceType === 'Medication')) return;
  const index = new ReferenceIndex();
  items.forEach((it, i) => index.add(i, it.resource as { resourceType: string; id?: string }, it.fullUrl));
  for (const it of items) {
    if (!MEDICATION_HOLDERS.has(it.resource.resourceType)) continue;
    const ref = (it.resource as Json).medicationReference as Json | undefined;
    if (!ref || typeof ref.reference !== 'string' || ref.reference.startsWith('#') || (typeof ref.display === 'string' && ref.display.trim())) continue;
    const target = index.resolve(ref.reference, it.fullUrl);
    if (target === undefined || items[target].resource.resourceType !== 'Medication') continue;
    const name = medicationName(items[target].resource as Json);
    if (name) ref.display = name;
  }
}
