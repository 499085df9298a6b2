/**
 * Turns raw JSON values (one per resource, already taken out of their Bundle or NDJSON line)
 * into ExtractedResources: DSTU2 → R4, clean, validate, attachments out, subject assigned.
 * Invalid resources become issues; nothing here throws on bad input.
 */
import type { Resource } from '@medplum/fhirtypes';
import type { ExtractedResource, Extraction, ExtractionIssue, SourceLocation } from '../../core/types.js';
import { AttachmentSink } from './attachments.js';
import { cleanResource } from './clean.js';
import { mapDstu2 } from './dstu2.js';
import { SubjectTracker } from './subjects.js';
import { validateResource } from './validate.js';
import { nameMedicationReferences } from './medication-names.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One resource as found in the input, before any processing. */
export interface RawEntry {
  value: unknown;
  location: SourceLocation;
  fullUrl?: string;
}

/** Per-type counts the eval and bench read; `in` counts every resource seen, Bundles excluded. */
export interface CollectStats {
  byType: Record<string, { in: number; stored: number; rejected: number }>;
  bundles: number;
  dstu2: number;
}

export const where = (l: SourceLocation): string =>
  [l.line !== undefined ? `line ${l.line}` : '', l.entryId ? `entry ${l.entryId}` : ''].filter(Boolean).join(', ') || 'top level';

export class Collector {
  resources: ExtractedResource[] = [];
  issues: ExtractionIssue[] = [];
  readonly subjects = new SubjectTracker();
  readonly attachments = new AttachmentSink();
  readonly stats: CollectStats = { byType: {}, bundles: 0, dstu2: 0 };
  private dstu2SinceDrain = 0;
  /** Type/id of the resources emitted in the current part: a repeat is not emitted twice. */
  private seen = new Set<string>();

  private count(type: string, field: 'stored' | 'rejected') {
    const t = (this.stats.byType[type] ??= { in: 0, stored: 0, rejected: 0 });
    t.in++;
    t[field]++;
  }

  /** Registers the Patients of a batch first so references by fullUrl find them. */
  prescan(entries: RawEntry[]): void {
    for (const e of entries) if (isObj(e.value) && e.value.resourceType === 'Patient') this.subjects.addPatient(e.value, e.fullUrl);
  }

  /** Adds one resource; an unexpected failure rejects that resource only, never the input. */
  add(e: RawEntry): void {
    try {
      this.addOne(e);
    } catch (err) {
      const v = e.value;
      const type = isObj(v) && typeof v.resourceType === 'string' ? v.resourceType : '(no resourceType)';
      const message = `${type}: could not be processed (${err instanceof Error ? err.message : String(err)}) (${where(e.location)})`;
      this.issues.push({ severity: 'error', code: 'invalid-resource', message, location: e.location });
      this.count(type, 'rejected');
    }
  }

  private addOne(e: RawEntry): void {
    const v = e.value;
    const type = isObj(v) && typeof v.resourceType === 'string' ? v.resourceType : '(no resourceType)';
    if (isObj(v) && typeof v.resourceType === 'string') {
      if (mapDstu2(v)) {
        this.stats.dstu2++;
        this.dstu2SinceDrain++;
      }
      const dropped = cleanResource(v);
      // A narrative without its xhtml is not a narrative (R4 requires Narrative.div).
      if (isObj(v.text) && typeof v.text.div !== 'string') delete v.text;
      if (dropped.length) {
        this.issues.push({ severity: 'warning', code: 'invalid-date', message: `${v.resourceType}${v.id ? `/${v.id}` : ''}: dropped invalid date ${dropped.join(', ')} (${where(e.location)})`, location: e.location });
      }
    }
    const reasons = validateResource(v);
    if (reasons.length) {
      const id = isObj(v) && typeof v.id === 'string' ? `/${v.id}` : '';
      this.issues.push({ severity: 'error', code: 'invalid-resource', message: `${type}${id}: ${reasons.join('; ')} (${where(e.location)})`, location: e.location });
      this.count(type, 'rejected');
      return;
    }
    const r = v as Json;
    if (typeof r.id === 'string') {
      const key = `${r.resourceType}/${r.id}`;
      if (this.seen.has(key)) {
        // Search pages repeat included resources; history Bundles list the newest version first.
        this.issues.push({ severity: 'warning', code: 'duplicate-resource', message: `${key}: appears again (${where(e.location)}); the first occurrence is kept`, location: e.location });
        this.count(r.resourceType as string, 'rejected');
        return;
      }
      this.seen.add(key);
    }
    const subject = this.subjects.subjectOf(r, e.fullUrl);
    this.attachments.take(r, subject);
    const out: ExtractedResource = { resource: r as unknown as Resource, location: e.location };
    if (subject) out.subject = subject;
    if (e.fullUrl) out.fullUrl = e.fullUrl;
    this.resources.push(out);
    this.count(r.resourceType as string, 'stored');
  }

  /** Everything collected since the last drain, as one Extraction (a part when streaming). */
  drain(): Extraction {
    nameMedicationReferences(this.resources);
    const ext: Extraction = { resources: this.resources, issues: this.issues };
    if (this.dstu2SinceDrain) {
      ext.issues.push({ severity: 'information', code: 'dstu2-mapped', message: `${this.dstu2SinceDrain} resource(s) in DSTU2 shape were mapped to R4` });
    }
    const subjects = this.subjects.drain();
    if (subjects) ext.subjects = subjects;
    const children = this.attachments.drain();
    if (children.length) ext.children = children;
    this.resources = [];
    this.issues = [];
    this.dstu2SinceDrain = 0;
    this.seen.clear();
    return ext;
  }
}
