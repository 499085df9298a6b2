/**
 * Adding new facts to a block without re-clustering it (pure). A block's items are known
 * by their match keys (what cluster.ts links facts on); a new fact whose keys point at
 * exactly one item joins it, and one whose keys point at none becomes an item of its own,
 * in exactly the cases where clustering the whole block again would give the same items.
 * Everything else (a fact linking two items, weak ICD-10 keys, "no known allergies", a
 * block with user decisions) is left to a re-cluster of that one block.
 *
 * An item is recomputed from itself plus the new fact: its `state` keeps, in the item's own
 * priority order, what mergeGroup reads of each source (rank, dates, status, strength,
 * facility, codes), so the item never needs its block's facts read back.
 */
import type { Fact, ItemKind } from '../normalize/fact.js';
import { mergeGroup, type MergedItem } from './cluster.js';

/**
 * Kinds whose blocks grow with the record (one block per ingredient, per vaccine, one problem
 * list, one allergy list): facts are appended by key. Results, vitals, encounters and
 * procedures sit in blocks of one test-day or one day, a handful of facts: re-clustering
 * such a block costs what a key lookup costs.
 */
export const APPEND_KINDS: ReadonlySet<ItemKind> = new Set<ItemKind>(['medications', 'immunizations', 'problems', 'allergies']);

/** Pseudo-key of the item holding a block's facts that have no key (medications, immunizations attach those as one group). */
export const LOOSE_KEY = '#loose';

/** Per-source fields of an item, aligned with `item.factIds`; null where a fact has none. */
export interface ItemState {
  /** rank */
  r: number[];
  /** recorded */
  c: Array<string | null>;
  /** date as written */
  d: Array<string | null>;
  /** status */
  s: Array<string | null>;
  /** strength */
  g: Array<string | null>;
  /** facility */
  f: Array<string | null>;
  /** codes, as indexes into item.codes */
  o: number[][];
  /** resource id where it is not the fact id up to '#' */
  x: Array<string | null>;
}

const resourceOf = (factId: string) => {
  const i = factId.indexOf('#');
  return i < 0 ? factId : factId.slice(0, i);
};

/** The state of an item made from these facts (any order; the item gives the order). */
export function stateOf(item: MergedItem, facts: Fact[]): ItemState {
  const byId = new Map(facts.map((f) => [f.id, f]));
  const codeIndex = new Map(item.codes.map((c, i) => [c, i]));
  const st: ItemState = { r: [], c: [], d: [], s: [], g: [], f: [], o: [], x: [] };
  for (const id of item.factIds) {
    const f = byId.get(id)!;
    st.r.push(f.rank);
    st.c.push(f.recorded ?? null);
    st.d.push(f.date ?? null);
    st.s.push(f.status ?? null);
    st.g.push(f.strength ?? null);
    st.f.push(f.facility ?? null);
    st.o.push(f.codes.map((c) => codeIndex.get(c)!));
    st.x.push(f.resourceId === resourceOf(f.id) ? null : f.resourceId);
  }
  return st;
}

/**
 * The item's sources as facts again, with every field mergeGroup reads: display, value and
 * normalized matter only for the first (the display source), keys not at all.
 */
export function membersOf(item: MergedItem, st: ItemState): Fact[] {
  return item.factIds.map((id, i) => ({
    id,
    resourceId: st.x[i] ?? resourceOf(id),
    documentId: '',
    kind: item.kind,
    block: item.block,
    display: i === 0 ? item.display : '',
    date: st.d[i] ?? undefined,
    status: st.s[i] ?? undefined,
    codes: st.o[i].map((j) => item.codes[j]),
    keys: [],
    value: i === 0 ? item.value : undefined,
    normalized: i === 0 ? item.normalized : undefined,
    strength: st.g[i] ?? undefined,
    facility: st.f[i] ?? undefined,
    rank: st.r[i],
    recorded: st.c[i] ?? undefined,
  }));
}

/** The keys an item is found by: its facts' keys, plus LOOSE_KEY when one of them has none. */
export function itemKeysOf(facts: Fact[]): string[] {
  const out = new Set<string>();
  for (const f of facts) {
    if (!f.keys.length) out.add(LOOSE_KEY);
    for (const k of f.keys) out.add(k);
  }
  return [...out];
}

/** A block's items as its key rows describe them. */
export class BlockKeys {
  private readonly byKey = new Map<string, Set<string>>();
  private readonly byItem = new Map<string, Set<string>>();

  constructor(rows: Iterable<{ key: string; itemId: string }> = []) {
    for (const r of rows) this.add(r.itemId, [r.key]);
  }

  add(itemId: string, keys: Iterable<string>): void {
    for (const k of keys) {
      let items = this.byKey.get(k);
      if (!items) this.byKey.set(k, (items = new Set()));
      items.add(itemId);
      let ks = this.byItem.get(itemId);
      if (!ks) this.byItem.set(itemId, (ks = new Set()));
      ks.add(k);
    }
  }

  itemsWith(keys: string[]): Set<string> {
    const out = new Set<string>();
    for (const k of keys) for (const i of this.byKey.get(k) ?? []) out.add(i);
    return out;
  }

  /** Items holding at least one real key (not only LOOSE_KEY), up to `max`. */
  keyedItems(max: number): string[] {
    const out: string[] = [];
    for (const [item, ks] of this.byItem) {
      if (ks.size > 1 || !ks.has(LOOSE_KEY)) out.push(item);
      if (out.length >= max) break;
    }
    return out;
  }

  keysOf(itemId: string): string[] {
    return [...(this.byItem.get(itemId) ?? [])];
  }
}

export type Placement = { join: string } | { alone: true } | { recluster: string };

/**
 * Where a new fact goes in a block whose items `keys` describes, mirroring cluster.ts:
 * medications and immunizations link on a shared key and attach keyless facts to the
 * block's single keyed item (else to each other); problems and allergies link on strong
 * keys only here (weak ICD-10 keys and "no known allergies" re-cluster the block).
 */
export function placeFact(kind: ItemKind, fact: Fact, keys: BlockKeys): Placement {
  if (kind === 'problems' || kind === 'allergies') {
    if (fact.keys.some((k) => k.startsWith('~'))) return { recluster: 'weak key' };
    if (kind === 'allergies' && (fact.keys.includes('nka') || keys.itemsWith(['nka']).size)) return { recluster: 'no known allergies' };
    const hits = keys.itemsWith(fact.keys);
    if (hits.size > 1) return { recluster: 'links items' };
    return hits.size === 1 ? { join: [...hits][0] } : { alone: true };
  }
  if (kind !== 'medications' && kind !== 'immunizations') return { recluster: 'kind is re-clustered by block' };
  const keyed = keys.keyedItems(2);
  const loose = [...keys.itemsWith([LOOSE_KEY])];
  if (fact.keys.length) {
    const hits = keys.itemsWith(fact.keys.filter((k) => k !== LOOSE_KEY));
    if (hits.size === 1) return { join: [...hits][0] };
    if (hits.size > 1) return { recluster: 'links items' };
    // A new key: the keyless facts stay where they are only if there were already two keyed items or none of them.
    if (!loose.length || keyed.length >= 2) return { alone: true };
    return { recluster: 'keyless facts move' };
  }
  if (keyed.length === 1) return { join: keyed[0] };
  return loose.length ? { join: loose[0] } : { alone: true };
}

/** An item being extended in memory: its sources as facts and its keys. */
export interface OpenItem {
  /** Id of the stored item it replaces, if any. */
  storedId?: string;
  members: Fact[];
  keys: Set<string>;
}

/** The stored item and state, opened for appending. */
export function openItem(item: MergedItem, state: ItemState, keys: Iterable<string>): OpenItem {
  return { storedId: item.id, members: membersOf(item, state), keys: new Set(keys) };
}

/** The item (and its state) after appending. */
export function closeItem(kind: ItemKind, open: OpenItem): { item: MergedItem; state: ItemState; keys: string[] } {
  const item = mergeGroup(kind, open.members);
  return { item, state: stateOf(item, open.members), keys: [...open.keys] };
}
