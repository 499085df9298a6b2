/**
 * Loads a person's resources with the place each came from (document, page, line) in one
 * query, for the read models. Both store dialects; no HTTP here.
 */
import type { Resource } from '@medplum/fhirtypes';
import type { Store } from '../store/store.js';
import type { SourceRef } from './types.js';

export interface SourcedResource {
  id: string;
  resourceType: string;
  date?: string;
  resource: Resource;
  source: SourceRef;
}

export interface LoadOptions {
  types: string[];
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

type Label = { title?: string; type?: string; date?: string; facility?: string };

/** Turns a document's label into the words of a source line. */
export function docSource(documentId: string, filename: string, labelJson: string | Record<string, unknown> | null): SourceRef {
  const label = (typeof labelJson === 'string' ? safeParse(labelJson) : (labelJson ?? {})) as Label;
  const ref: SourceRef = { documentId, filename };
  const title = label.title ?? (typeof label.type === 'string' ? humanType(label.type) : undefined);
  if (title) ref.title = title;
  if (typeof label.date === 'string') ref.date = label.date;
  if (typeof label.facility === 'string') ref.facility = label.facility;
  return ref;
}

function safeParse(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return {};
  }
}

/** `discharge_summary` → `Discharge summary`; LOINC-ish or free labels are kept as they are. */
export function humanType(t: string): string {
  if (!/^[a-z_]+$/.test(t)) return t;
  const s = t.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export async function loadSourced(store: Store, personId: string, opts: LoadOptions): Promise<SourcedResource[]> {
  if (!opts.types.length) return [];
  let q = store.db
    .selectFrom('resources as r')
    .leftJoin('provenance as p', 'p.resource_id', 'r.id')
    .innerJoin('documents as d', 'd.id', 'r.document_id')
    .select(['r.id', 'r.resource_type', 'r.date', 'r.json', 'r.document_id', 'p.page', 'p.line', 'p.entry_id', 'd.filename', 'd.label_json'])
    .where('r.person_id', '=', personId)
    .where('r.resource_type', 'in', opts.types);
  if (opts.from) q = q.where('r.date', '>=', opts.from);
  if (opts.to) q = q.where('r.date', '<', opts.to);
  const rows = await q
    .orderBy('r.date', 'desc')
    .orderBy('r.id')
    .limit(opts.limit ?? 20000)
    .offset(opts.offset ?? 0)
    .execute();
  const docs = new Map<string, SourceRef>();
  return rows.map((r) => {
    let doc = docs.get(r.document_id);
    if (!doc) {
      doc = docSource(r.document_id, r.filename, r.label_json);
      docs.set(r.document_id, doc);
    }
    const source: SourceRef = { ...doc };
    if (r.page != null) source.page = Number(r.page);
    if (r.line != null) source.line = Number(r.line);
    if (r.entry_id) source.entryId = r.entry_id;
    return { id: r.id, resourceType: r.resource_type, date: r.date ?? undefined, resource: JSON.parse(r.json) as Resource, source };
  });
}
