/**
 * Lists from the merged record (src/record): one line per merged item instead of one per
 * received resource, so a medication that three sources list shows once, with its sources
 * and the conflicts between them. Each line reads like a plain fact (title, detail, status
 * from the item's display source) and opens that source.
 */
import { sql } from 'kysely';
import type { Store } from '../store/store.js';
import type { ItemKind } from '../record/normalize/fact.js';
import type { MergedItem } from '../record/reconcile/cluster.js';
import { loadByIds, sourcesOf } from './query.js';
import { isActive, toFact } from './facts.js';
import type { DoseStep, Fact, ListKind, SourceRef } from './types.js';
import { amountText } from './unit-label.js';

/** The record kind each list shows, where the record merges it. */
export const MERGED_KIND: Partial<Record<ListKind, ItemKind>> = {
  medications: 'medications',
  problems: 'problems',
  allergies: 'allergies',
  immunizations: 'immunizations',
  procedures: 'procedures',
  visits: 'encounters',
  vitals: 'vitals',
};

/** Sources named on one line: enough to see who says it; `sourceCount` tells the rest. */
const SOURCES_SHOWN = 3;
/** Items read for a filtered list (current medications…): far above a real person's count. */
const MAX_ITEMS = 5000;

type ItemRow = Pick<MergedItem, 'id' | 'kind' | 'block' | 'display' | 'value' | 'resourceIds' | 'conflicts' | 'date' | 'status'>;

async function itemRows(store: Store, personId: string, kind: ItemKind, page?: { limit: number; offset: number }): Promise<ItemRow[]> {
  // NULL dates last in both dialects (SQLite sorts them last in DESC already).
  const rows = await store.db
    .selectFrom('record_items')
    .select('json')
    .where('person_id', '=', personId)
    .where('kind', '=', kind)
    .orderBy(store.dialect === 'postgres' ? sql`date desc nulls last` : sql`date desc`)
    .orderBy('display')
    .orderBy('id')
    .limit(page?.limit ?? MAX_ITEMS)
    .offset(page?.offset ?? 0)
    .execute();
  return rows.map((r) => {
    const it = JSON.parse(r.json) as MergedItem;
    return { id: it.id, kind: it.kind, block: it.block, display: it.display, value: it.value, resourceIds: it.resourceIds, conflicts: it.conflicts, date: it.date, status: it.status };
  });
}

/** One fact per item, read from the item's display source (its first resource). */
async function itemFacts(store: Store, rows: ItemRow[]): Promise<Array<{ row: ItemRow; fact: Fact }>> {
  const top = new Map((await loadByIds(store, rows.map((r) => r.resourceIds[0]))).map((r) => [r.id, r]));
  const out: Array<{ row: ItemRow; fact: Fact }> = [];
  for (const row of rows) {
    const r = top.get(row.resourceIds[0]);
    if (!r) continue; // the resource left since the last reconcile; the next one drops the item
    const fact = toFact(r);
    if (row.date && !fact.date) fact.date = row.date;
    // A measurement item is one value (a panel gives one per component): it reads as the item.
    // A claim's line (a filled prescription, a billed service) is one of several the claim holds: the line reads as
    // the item, dated and with the status of the line ("completed"), not the claim's own ("active" = not cancelled).
    if (r.resourceType === 'ExplanationOfBenefit') {
      fact.detail = fact.title;
      fact.title = row.display;
      if (row.date) fact.date = row.date;
      if (row.status) fact.status = row.status;
      else delete fact.status;
    }
    if (row.kind === 'vitals' || row.kind === 'results') {
      fact.title = row.display;
      const v = row.value;
      const value = v?.value !== undefined ? amountText(v.value, v.unit, v.comparator) : v?.text;
      if (value) fact.detail = value;
      else delete fact.detail;
    }
    out.push({ row, fact });
  }
  return out;
}

/** Steps of a dose history shown on one line: a long-treated condition has a handful, not dozens. */
const DOSES_SHOWN = 12;

/**
 * Dose histories of medication lines: every item of the same ingredient block (the record
 * keeps differing strengths apart), oldest first. Read from the items' columns only: an item's
 * JSON lists every source (hundreds of KB for a medication taken for years), and parsing those
 * of a whole block for each page of the list cost more than the list itself.
 */
async function doseHistories(store: Store, personId: string, blocks: string[]): Promise<Map<string, DoseStep[]>> {
  if (!blocks.length) return new Map();
  const rows = await store.db
    .selectFrom('record_items')
    .select(['id', 'block', 'date', 'display'])
    .where('person_id', '=', personId)
    .where('kind', '=', 'medications')
    .where('block', 'in', blocks)
    .execute();
  const byBlock = new Map<string, DoseStep[]>();
  for (const r of rows) byBlock.set(r.block, [...(byBlock.get(r.block) ?? []), { itemId: r.id, display: r.display, ...(r.date ? { date: r.date } : {}) }]);
  // Oldest first (ISO dates compare as text), undated at the end; the newest steps are kept when there are many.
  const key = (d: DoseStep) => `${d.date ?? '\uffff'}\u0000${d.itemId}`;
  for (const [block, steps] of byBlock) byBlock.set(block, steps.sort((a, b) => (key(a) < key(b) ? -1 : 1)).slice(-DOSES_SHOWN));
  return byBlock;
}

/** Adds each line's other sources (one per document, display source first) and conflicts. */
async function withSources(store: Store, personId: string, lines: Array<{ row: ItemRow; fact: Fact }>): Promise<Fact[]> {
  // The display source plus the next few resources: other documents, mostly (a page of 100
  // lines reads a few hundred provenance rows, not every source of every item).
  const wanted = lines.flatMap((l) => l.row.resourceIds.slice(1, SOURCES_SHOWN + 1));
  const medicationBlocks = [...new Set(lines.filter((l) => l.row.kind === 'medications').map((l) => l.row.block))];
  const [sources, doses] = await Promise.all([sourcesOf(store, [...new Set(wanted)]), doseHistories(store, personId, medicationBlocks)]);
  return lines.map(({ row, fact }) => {
    const byDoc = new Map<string, SourceRef>([[fact.source.documentId, fact.source]]);
    for (const id of row.resourceIds.slice(1, SOURCES_SHOWN + 1)) {
      const s = sources.get(id);
      if (s && !byDoc.has(s.documentId) && byDoc.size < SOURCES_SHOWN) byDoc.set(s.documentId, s);
    }
    const history = row.kind === 'medications' ? doses.get(row.block) : undefined;
    return {
      ...fact,
      merged: { itemId: row.id, sources: [...byDoc.values()], sourceCount: row.resourceIds.length, conflicts: row.conflicts.map((c) => c.message), ...(history && history.length > 1 ? { doses: history } : {}) },
    };
  });
}

/**
 * A page of merged items of one kind; `undefined` when the record holds none (the reconcile
 * job has not run yet for this person), so the caller can show the received facts instead.
 */
export async function mergedList(store: Store, personId: string, kind: ItemKind, q: { active?: boolean; limit: number; offset: number }): Promise<{ items: Fact[]; total: number } | undefined> {
  if (q.active) {
    const all = (await itemFacts(store, await itemRows(store, personId, kind))).filter((l) => isActive(l.fact));
    if (!all.length && !(await hasItems(store, personId, kind))) return undefined;
    return { items: await withSources(store, personId, all.slice(q.offset, q.offset + q.limit)), total: all.length };
  }
  const count = await store.db.selectFrom('record_items').select((eb) => eb.fn.countAll<string>().as('n')).where('person_id', '=', personId).where('kind', '=', kind).executeTakeFirst();
  const total = Number(count?.n ?? 0);
  if (!total) return undefined;
  const lines = await itemFacts(store, await itemRows(store, personId, kind, q));
  return { items: await withSources(store, personId, lines), total };
}

async function hasItems(store: Store, personId: string, kind: ItemKind): Promise<boolean> {
  return !!(await store.db.selectFrom('record_items').select('id').where('person_id', '=', personId).where('kind', '=', kind).limit(1).executeTakeFirst());
}

/**
 * Merged items whose sources disagree (all kinds, or one), for the Conflicts page: read from
 * the partial index of conflicting items (migration 0008), not from every item of the person.
 */
export async function conflictingItems(store: Store, personId: string, q: { kind?: ItemKind; limit: number; offset: number }): Promise<{ total: number; items: MergedItem[] }> {
  let base = store.db.selectFrom('record_items').where('person_id', '=', personId).where('conflicts', '>', 0);
  if (q.kind) base = base.where('kind', '=', q.kind);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
    base
      .select('json')
      .orderBy('kind')
      .orderBy(store.dialect === 'postgres' ? sql`date desc nulls last` : sql`date desc`)
      .orderBy('display')
      .orderBy('id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
  ]);
  return { total: Number(count?.n ?? 0), items: rows.map((r) => JSON.parse(r.json) as MergedItem) };
}

/** How many merged items of a person have sources that disagree (the home page's link). */
export async function conflictCount(store: Store, personId: string): Promise<number> {
  const row = await store.db.selectFrom('record_items').select((eb) => eb.fn.countAll<string>().as('n')).where('person_id', '=', personId).where('conflicts', '>', 0).executeTakeFirst();
  return Number(row?.n ?? 0);
}
