/**
 * Loads a person's resources with the place each came from (document, page, line) in one
 * query, for the read models. Both store dialects; no HTTP here.
 */
import type { Resource } from '@medplum/fhirtypes';
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
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

/**
 * A category code (`vital-signs`, `laboratory`) in any system. PostgreSQL's partial index for the
 * social-history list (migration 0016) repeats this expression: change both together.
 */
export function hasCategory(code: string): Expression<SqlBool> {
  return sql<SqlBool>`(' ' || r.codes || ' ') LIKE ${`%|${code.replace(/[%_]/g, '')} %`}`;
}

/**
 * Two steps: ids and dates in order from an index (no whole rows sorted), then the JSON and
 * provenance of only the rows asked for.
 */
export async function loadSourced(store: Store, personId: string, opts: LoadOptions & { where?: Expression<SqlBool> }): Promise<SourcedResource[]> {
  if (!opts.types.length) return [];
  if (opts.types.length === 1 && opts.types[0] === 'Observation' && (opts.codes?.length || opts.where)) return loadByIds(store, await observationIdsByCode(store, personId, opts));
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

/**
 * Ids of a person's Observations filtered by their codes (a lab group, the vitals and
 * social-history lists), in list order, from the partial index of Observations' codes
 * (migration 0021) read alone and sorted. The type is a literal: SQLite uses a partial index
 * only for a query whose condition names it. SQLite is also told the index: without statistics
 * it prefers the (person, type, date, id) index's order and would read every Observation's row
 * for its codes; the codes index of migration 0006 this replaces was chosen unasked.
 */
async function observationIdsByCode(store: Store, personId: string, opts: LoadOptions & { where?: Expression<SqlBool> }): Promise<string[]> {
  const conds: Array<Expression<SqlBool>> = [sql<SqlBool>`r.person_id = ${personId}`, sql<SqlBool>`r.resource_type = 'Observation'`];
  if (opts.from) conds.push(sql<SqlBool>`r.date >= ${opts.from}`);
  if (opts.to) conds.push(sql<SqlBool>`r.date < ${opts.to}`);
  if (opts.codes?.length) conds.push(hasAnyCode(opts.codes));
  if (opts.ids) conds.push(opts.ids.length ? sql<SqlBool>`r.id IN (${sql.join(opts.ids)})` : sql<SqlBool>`1 = 0`);
  if (opts.where) conds.push(opts.where);
  const index = store.dialect === 'sqlite' ? sql`INDEXED BY resources_observation_codes` : sql``;
  const { rows } = await sql<{ id: string }>`
    SELECT r.id FROM resources AS r ${index} WHERE ${sql.join(conds, sql` AND `)}
    ORDER BY r.date DESC, r.id LIMIT ${opts.limit ?? 20000} OFFSET ${opts.offset ?? 0}`.execute(store.db);
  return rows.map((r) => r.id);
}

type SourceRow = { document_id: string; filename: string | null; label_json: string | null; page: number | null; line: number | null; entry_id: string | null };

function sourceOfRow(r: SourceRow): SourceRef {
  const source = docSource(r.document_id, r.filename ?? '', r.label_json);
  if (r.page != null) source.page = Number(r.page);
  if (r.line != null) source.line = Number(r.line);
  if (r.entry_id) source.entryId = r.entry_id;
  return source;
}

/** Resources with their sources, in the order of `ids`: one query per 500 ids (resource, spot and document together). */
export async function loadByIds(store: Store, ids: string[]): Promise<SourcedResource[]> {
  const rows: Array<SourceRow & { id: string; resource_type: string; date: string | null; json: string }> = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...(await store.db
        .selectFrom('resources as r')
        .leftJoin('provenance as p', 'p.resource_id', 'r.id')
        .leftJoin('documents as d', 'd.id', 'r.document_id')
        .select(['r.id', 'r.resource_type', 'r.date', 'r.json', 'r.document_id', 'p.page', 'p.line', 'p.entry_id', 'd.filename', 'd.label_json'])
        .where('r.id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  const at = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => at.get(a.id)! - at.get(b.id)!);
  return rows.map((r) => ({ id: r.id, resourceType: r.resource_type, date: r.date ?? undefined, resource: JSON.parse(r.json) as Resource, source: sourceOfRow(r) }));
}

/** Document and spot of each resource, without reading the resources themselves: one query per 500 ids. */
export async function sourcesOf(store: Store, resourceIds: string[]): Promise<Map<string, SourceRef>> {
  const out = new Map<string, SourceRef>();
  for (let i = 0; i < resourceIds.length; i += 500) {
    const rows = await store.db
      .selectFrom('provenance as p')
      .leftJoin('documents as d', 'd.id', 'p.document_id')
      .select(['p.resource_id', 'p.document_id', 'p.page', 'p.line', 'p.entry_id', 'd.filename', 'd.label_json'])
      .where('p.resource_id', 'in', resourceIds.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.resource_id, sourceOfRow(r));
  }
  return out;
}

/** A text field of a document's label (JSON text in both dialects), NULL unless it is a string. */
export function labelText(store: Store, field: 'date' | 'facility', table = 'documents'): RawBuilder<string | null> {
  const col = sql.ref(`${table}.label_json`);
  return store.dialect === 'sqlite'
    ? sql<string | null>`(CASE WHEN json_valid(${col}) THEN (CASE WHEN json_type(${col}, ${'$.' + field}) = 'text' THEN json_extract(${col}, ${'$.' + field}) END) END)`
    : sql<string | null>`(CASE WHEN jsonb_typeof(${col}::jsonb -> ${field}) = 'string' THEN ${col}::jsonb ->> ${field} END)`;
}
