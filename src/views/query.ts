/**
 * Loads a person's resources with the place each came from (document, page, line) in one
 * query, for the read models. Both store dialects; no HTTP here.
 */
import type { Resource } from '@medplum/fhirtypes';
import { sql, type Expression, type SqlBool } from 'kysely';
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
  /** Only rows whose `codes` column (space-separated `system|code`) holds one of these. */
  codes?: string[];
  /** Only these resource ids. */
  ids?: string[];
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

/** `codes` holds `system|code` items separated by spaces; matches whole items only. */
export function hasAnyCode(codes: string[]): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.join(codes.map((c) => sql`(' ' || r.codes || ' ') LIKE ${`% ${c.replace(/[%_]/g, '')} %`}`), sql` OR `)})`;
}

/** A category code (`vital-signs`, `laboratory`) in any system. */
export function hasCategory(code: string): Expression<SqlBool> {
  return sql<SqlBool>`(' ' || r.codes || ' ') LIKE ${`%|${code.replace(/[%_]/g, '')} %`}`;
}

/**
 * Two steps: ids and dates in order from an index (no whole rows sorted), then the JSON and
 * provenance of only the rows asked for.
 */
export async function loadSourced(store: Store, personId: string, opts: LoadOptions & { where?: Expression<SqlBool> }): Promise<SourcedResource[]> {
  if (!opts.types.length) return [];
  let q = store.db
    .selectFrom('resources as r')
    .select(['r.id'])
    .where('r.person_id', '=', personId)
    .where('r.resource_type', 'in', opts.types);
  if (opts.from) q = q.where('r.date', '>=', opts.from);
  if (opts.to) q = q.where('r.date', '<', opts.to);
  if (opts.codes?.length) q = q.where(hasAnyCode(opts.codes));
  if (opts.ids) q = opts.ids.length ? q.where('r.id', 'in', opts.ids) : q.where(sql<SqlBool>`1 = 0`);
  if (opts.where) q = q.where(opts.where);
  const order = await q
    .orderBy('r.date', 'desc')
    .orderBy('r.id')
    .limit(opts.limit ?? 20000)
    .offset(opts.offset ?? 0)
    .execute();
  return loadByIds(store, order.map((r) => r.id));
}

/** Resources with their sources, in the order of `ids`. */
export async function loadByIds(store: Store, ids: string[]): Promise<SourcedResource[]> {
  const rows: Array<{ id: string; resource_type: string; date: string | null; json: string; document_id: string; page: number | null; line: number | null; entry_id: string | null }> = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...(await store.db
        .selectFrom('resources as r')
        .leftJoin('provenance as p', 'p.resource_id', 'r.id')
        .select(['r.id', 'r.resource_type', 'r.date', 'r.json', 'r.document_id', 'p.page', 'p.line', 'p.entry_id'])
        .where('r.id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  const at = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => at.get(a.id)! - at.get(b.id)!);
  const docs = await documentSources(store, [...new Set(rows.map((r) => r.document_id))]);
  return rows.map((r) => {
    const source: SourceRef = { ...(docs.get(r.document_id) ?? { documentId: r.document_id, filename: '' }) };
    if (r.page != null) source.page = Number(r.page);
    if (r.line != null) source.line = Number(r.line);
    if (r.entry_id) source.entryId = r.entry_id;
    return { id: r.id, resourceType: r.resource_type, date: r.date ?? undefined, resource: JSON.parse(r.json) as Resource, source };
  });
}

/** Source lines of documents, by id (a few queries of at most 500 ids). */
export async function documentSources(store: Store, ids: string[]): Promise<Map<string, SourceRef>> {
  const out = new Map<string, SourceRef>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await store.db.selectFrom('documents').select(['id', 'filename', 'label_json']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.id, docSource(r.id, r.filename, r.label_json));
  }
  return out;
}
