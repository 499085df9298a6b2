/**
 * Pure reconcile: the facts of one block → merged items. Facts that are the same thing
 * become one item listing every source; disagreements inside an item are kept as
 * conflicts; nothing is dropped. User decisions (split, merge) keyed by resource ids are
 * applied here, so they hold across re-imports.
 */
import { hash } from 'node:crypto';
import { pushAll } from '../../core/arrays.js';
import type { Fact, FactValue, ItemKind } from '../normalize/fact.js';
import { overlapSets, words } from '../normalize/text.js';

export interface Decision {
  id: string;
  action: 'merge' | 'split';
  kind: ItemKind;
  resourceIds: string[];
}

export interface Conflict {
  type: 'status' | 'value' | 'no-known-allergies' | 'strength' | 'date';
  message: string;
  resourceIds: string[];
}

export interface MergedItem {
  id: string;
  kind: ItemKind;
  block: string;
  display: string;
  date?: string;
  status?: string;
  value?: FactValue;
  normalized?: { value: number; unit: string };
  strength?: string;
  facility?: string;
  codes: string[];
  /** Contributing fact ids (resource ids, `#n` for a panel component), display source first. */
  factIds: string[];
  resourceIds: string[];
  conflicts: Conflict[];
}

class UnionFind {
  private p: number[];
  constructor(n: number) {
    this.p = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.p[i] !== i) i = this.p[i] = this.p[this.p[i]];
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.p[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

const STOPPED = new Set(['stopped', 'resolved', 'refuted', 'entered-in-error', 'not-done']);

/** Facts with the same specific key are one; a fact without a key joins the single keyed group, if there is exactly one. */
function clusterByKey(facts: Fact[], uf: UnionFind, idx: number[]): void {
  const byKey = new Map<string, number>();
  const loose: number[] = [];
  for (const i of idx) {
    const ks = facts[i].keys;
    if (!ks.length) {
      loose.push(i);
      continue;
    }
    for (const k of ks) {
      const prev = byKey.get(k);
      if (prev === undefined) byKey.set(k, i);
      else uf.union(prev, i);
    }
  }
  const roots = new Set([...byKey.values()].map((i) => uf.find(i)));
  const target = roots.size === 1 ? [...roots][0] : loose[0];
  for (const i of loose) if (target !== undefined) uf.union(target, i);
}

/** A name's words and their set. */
interface Words {
  list: string[];
  set: Set<string>;
}

/**
 * The words of the facts of a block's pairwise comparisons, folded once per fact when first
 * compared: folding them again for every pair was quadratic in the block (a bulk export's
 * procedures and visits: ~0.7 s of the 100 MB import's ~12 s main thread). Same words, so the
 * same groups.
 */
class BlockWords {
  private readonly cache: Array<Words | undefined>;

  constructor(
    private readonly text: (i: number) => string | undefined,
    n: number,
  ) {
    this.cache = new Array(n);
  }

  of(i: number): Words {
    let w = this.cache[i];
    if (!w) {
      const list = words(this.text(i));
      this.cache[i] = w = { list, set: new Set(list) };
    }
    return w;
  }
}

/** `a.some((c) => b.includes(c))` without a closure per pair compared. */
function shareCode(a: string[], b: string[]): boolean {
  for (const c of a) if (b.includes(c)) return true;
  return false;
}

/** Same procedure: a shared code, or most of the name's words. */
function sameProcedure(a: Fact, b: Fact, names: BlockWords, x: number, y: number): boolean {
  if (shareCode(a.codes, b.codes)) return true;
  const na = names.of(x);
  const nb = names.of(y);
  if (overlapSets(na.set, nb.set) >= 0.5) return true;
  // One name contained in the other ("Colonoscopy" / "Colonoscopy, flexible; diagnostic").
  const small = na.list.length <= nb.list.length ? na.list : nb.list;
  const big = na.list.length <= nb.list.length ? nb.set : na.set;
  return small.length > 0 && small.every((w) => big.has(w));
}

/**
 * Visits of one day: the same facility (names sharing a word) is the same visit; a visit
 * without a facility joins the day's only facility, if there is exactly one, else the others
 * without one. No chaining of two facilities through a visit that names none.
 */
function clusterEncounters(facts: Fact[], uf: UnionFind, idx: number[]): void {
  const named = idx.filter((i) => facts[i].facility);
  const loose = idx.filter((i) => !facts[i].facility);
  const names = new BlockWords((x) => facts[named[x]].facility, named.length);
  for (let x = 0; x < named.length; x++) {
    for (let y = x + 1; y < named.length; y++) {
      if (overlapSets(names.of(x).set, names.of(y).set) > 0) uf.union(named[x], named[y]);
    }
  }
  const roots = new Set(named.map((i) => uf.find(i)));
  const target = roots.size === 1 ? [...roots][0] : loose[0];
  for (const i of loose) if (target !== undefined) uf.union(target, i);
}

function clusterProcedures(facts: Fact[], uf: UnionFind, idx: number[]): void {
  const names = new BlockWords((x) => facts[idx[x]].display, idx.length);
  for (let x = 0; x < idx.length; x++) {
    for (let y = x + 1; y < idx.length; y++) {
      if (sameProcedure(facts[idx[x]], facts[idx[y]], names, x, y)) uf.union(idx[x], idx[y]);
    }
  }
}

/** Splits come first: facts a split separated never link again, whatever their keys say. */
function splitSignature(f: Fact, splits: Decision[]): string {
  return splits
    .filter((d) => d.resourceIds.includes(f.resourceId) || d.resourceIds.includes(f.id))
    .map((d) => d.id)
    .sort()
    .join(',');
}

export function clusterBlock(kind: ItemKind, facts: Fact[], decisions: Decision[] = []): MergedItem[] {
  return itemsOfGroups(kind, groupBlock(kind, facts, decisions));
}

/** The facts of one block grouped into what will be one item each (splits, matching, then merges). */
export function groupBlock(kind: ItemKind, facts: Fact[], decisions: Decision[] = []): Fact[][] {
  if (!facts.length) return [];
  const mine = decisions.filter((d) => d.kind === kind);
  const splits = mine.filter((d) => d.action === 'split');
  const uf = new UnionFind(facts.length);
  const parts = new Map<string, number[]>();
  facts.forEach((f, i) => {
    const sig = splits.length ? splitSignature(f, splits) : '';
    const list = parts.get(sig) ?? [];
    list.push(i);
    parts.set(sig, list);
  });
  for (const idx of parts.values()) {
    if (kind === 'procedures') clusterProcedures(facts, uf, idx);
    else if (kind === 'encounters') clusterEncounters(facts, uf, idx);
    else if (kind === 'problems' || kind === 'allergies') clusterKeysOnly(facts, uf, idx);
    else if (kind === 'results' || kind === 'vitals') clusterObservations(facts, uf, idx);
    else clusterByKey(facts, uf, idx);
  }
  for (const d of mine) {
    if (d.action !== 'merge') continue;
    const members = facts.map((f, i) => (d.resourceIds.includes(f.resourceId) || d.resourceIds.includes(f.id) ? i : -1)).filter((i) => i >= 0);
    for (const i of members.slice(1)) uf.union(members[0], i);
  }
  const groups = new Map<number, Fact[]>();
  facts.forEach((f, i) => {
    const r = uf.find(i);
    const g = groups.get(r) ?? [];
    g.push(f);
    groups.set(r, g);
  });
  return [...groups.values()];
}

/** The items of one block's groups; cross-item conflicts ("no known allergies") need the whole block. */
export function itemsOfGroups(kind: ItemKind, groups: Fact[][]): MergedItem[] {
  const items = groups.map((g) => mergeGroup(kind, g));
  if (kind === 'allergies') markNoKnownAllergies(items);
  return items;
}

/**
 * Results and vitals of one test on one day: the same value is the same measurement (vendors
 * stamp it with the visit time, the document time or none); the same wall-clock minute is the
 * same measurement even when values differ (a conflict). A value without a time joins the
 * day's only measurement, if there is exactly one.
 *
 * A copy without any date (sitting on its document's day) is weaker evidence: it joins only a
 * measurement with the same value in the same unit after conversion (sameValue: within 1%, for
 * the rounding of a conversion), and only when exactly one of the day's measurements has that
 * value; never one with another value (a wrong merge is worse than a duplicate). Undated copies
 * with the same value are one.
 */
function clusterObservations(facts: Fact[], uf: UnionFind, idx: number[]): void {
  const byKey = new Map<string, number>();
  const link = (k: string, i: number) => {
    const prev = byKey.get(k);
    if (prev === undefined) byKey.set(k, i);
    else uf.union(prev, i);
  };
  const dated = idx.filter((i) => facts[i].date !== undefined);
  const undated = idx.filter((i) => facts[i].date === undefined);
  for (const i of dated) {
    const f = facts[i];
    const v = valueKey(f);
    if (v) link(v, i);
    for (const k of f.keys) link(k, i);
  }
  const untimed = dated.filter((i) => !facts[i].keys.length);
  const roots = new Set(dated.map((i) => uf.find(i)));
  if (roots.size === 2 && untimed.length) {
    // One timed measurement and date-only copies with another value: one fact in conflict.
    const timedRoots = new Set(dated.filter((i) => facts[i].keys.length).map((i) => uf.find(i)));
    const untimedRoots = new Set(untimed.map((i) => uf.find(i)));
    if (timedRoots.size === 1 && [...untimedRoots].every((r) => !timedRoots.has(r))) for (const i of untimed) uf.union(i, [...timedRoots][0]);
  }
  const undatedByValue = new Map<string, number>();
  for (const i of undated) {
    const v = valueKey(facts[i]);
    if (!v) continue;
    const prev = undatedByValue.get(v);
    if (prev === undefined) undatedByValue.set(v, i);
    else uf.union(prev, i);
  }
  for (const i of undatedByValue.values()) {
    const candidates = new Set(dated.filter((j) => sameValue(facts[i], facts[j])).map((j) => uf.find(j)));
    if (candidates.size === 1) uf.union(i, [...candidates][0]);
  }
}

function valueKey(f: Fact): string | undefined {
  if (f.normalized) return `v:${Number(f.normalized.value.toPrecision(3))} ${f.normalized.unit}`;
  if (f.value?.value !== undefined) return `v:${f.value.comparator ?? ''}${Number(f.value.value.toPrecision(3))} ${f.value.unit ?? ''}`;
  if (f.value?.text) return `v:${f.value.text.trim().toLowerCase()}`;
  return undefined;
}

/**
 * Union by any shared strong key (code, ingredient, folded name). Weak keys (`~`, an ICD-10
 * category) only bring in facts that have no SNOMED code of their own, into the cluster most
 * facts with that weak key belong to: one vendor's mis-coded translation cannot chain two
 * problems together.
 */
function clusterKeysOnly(facts: Fact[], uf: UnionFind, idx: number[]): void {
  const byKey = new Map<string, number>();
  const weak = new Map<string, number[]>();
  for (const i of idx) {
    for (const k of facts[i].keys) {
      if (k.startsWith('~')) {
        const l = weak.get(k);
        if (l) l.push(i);
        else weak.set(k, [i]);
        continue;
      }
      const prev = byKey.get(k);
      if (prev === undefined) byKey.set(k, i);
      else uf.union(prev, i);
    }
  }
  const hasSnomed = (i: number) => facts[i].codes.some((c) => c.startsWith('http://snomed.info/sct|'));
  for (const members of weak.values()) {
    if (members.length < 2) continue;
    const counts = new Map<number, number>();
    for (const i of members) if (hasSnomed(i)) counts.set(uf.find(i), (counts.get(uf.find(i)) ?? 0) + 1);
    const target = counts.size ? [...counts].sort((a, b) => b[1] - a[1])[0][0] : members[0];
    for (const i of members) if (!hasSnomed(i)) uf.union(target, i);
    // Same ICD-10 category and names that mostly agree ("Essential hypertension" / "..., benign").
    const coded = members.filter(hasSnomed);
    if (coded.length > 50) continue;
    const names = new BlockWords((x) => facts[coded[x]].display, coded.length);
    for (let x = 0; x < coded.length; x++) {
      for (let y = x + 1; y < coded.length; y++) {
        if (uf.find(coded[x]) !== uf.find(coded[y]) && overlapSets(names.of(x).set, names.of(y).set) >= 0.5) uf.union(coded[x], coded[y]);
      }
    }
  }
}

/** Code-point order: dates are ISO text and ids hex or uuids, so no locale rules are needed (and they cost ~20x). */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byPriority(a: Fact, b: Fact): number {
  return b.rank - a.rank || cmp(b.recorded ?? '', a.recorded ?? '') || cmp(a.id, b.id);
}

/** The first fact (in priority order) with the longest date: the most precise one. */
function mostPrecise(sorted: Fact[]): Fact {
  let best = sorted[0];
  for (const f of sorted) if ((f.date?.length ?? 0) > (best.date?.length ?? 0)) best = f;
  return best;
}

function valueText(v: FactValue | undefined, n?: { value: number; unit: string }): string | undefined {
  if (n) return `${n.value} ${n.unit}`;
  if (!v) return undefined;
  if (v.value !== undefined) return `${v.comparator ?? ''}${v.value}${v.unit ? ` ${v.unit}` : ''}`;
  return v.text?.trim().toLowerCase() || undefined;
}

function sameValue(a: Fact, b: Fact): boolean {
  if (a.normalized && b.normalized && a.normalized.unit === b.normalized.unit) {
    const x = a.normalized.value;
    const y = b.normalized.value;
    return Math.abs(x - y) <= Math.max(Math.abs(x), Math.abs(y)) * 0.01 + 1e-9;
  }
  return valueText(a.value, a.normalized) === valueText(b.value, b.normalized);
}

export function itemId(kind: ItemKind, factIds: string[]): string {
  const min = factIds.reduce((m, x) => (x < m ? x : m), factIds[0]);
  return hash('sha1', `${kind}\n${min}`, 'hex').slice(0, 20);
}

/** One item from the facts that are one thing: display source, date, conflicts, every source in priority order. */
export function mergeGroup(kind: ItemKind, group: Fact[]): MergedItem {
  const sorted = [...group].sort(byPriority);
  const top = sorted[0];
  const datePick = mostPrecise(sorted);
  const date = top.date && datePick.date && datePick.date.startsWith(top.date.slice(0, 10)) ? datePick.date : top.date ?? datePick.date;
  const conflicts: Conflict[] = [];
  const withStatus = sorted.filter((f) => f.status);
  const stopped = withStatus.filter((f) => STOPPED.has(f.status!));
  const active = withStatus.filter((f) => f.status === 'active' || f.status === 'completed');
  if (stopped.length && active.length && kind !== 'encounters' && kind !== 'procedures') {
    conflicts.push({
      type: 'status',
      message: `${active.length} source(s) say ${active[0].status}, ${stopped.length} say ${stopped[0].status}`,
      resourceIds: uniq([...active, ...stopped].map((f) => f.resourceId)),
    });
  }
  if (kind === 'results' || kind === 'vitals') {
    const valued = sorted.filter((f) => f.value && (f.value.value !== undefined || f.value.text));
    const differing = valued.filter((f) => !sameValue(valued[0], f));
    if (differing.length) {
      conflicts.push({
        type: 'value',
        message: `sources report different values: ${uniq(valued.map((f) => valueText(f.value, undefined) ?? '?')).join(' vs ')}`,
        resourceIds: uniq(valued.map((f) => f.resourceId)),
      });
    }
  }
  if (kind === 'medications') {
    const strengths = uniq(sorted.map((f) => f.strength).filter((s): s is string => !!s));
    if (strengths.length > 1) conflicts.push({ type: 'strength', message: `strengths differ: ${strengths.join(' vs ')}`, resourceIds: uniq(sorted.filter((f) => f.strength).map((f) => f.resourceId)) });
  }
  const factIds = sorted.map((f) => f.id);
  return {
    id: itemId(kind, factIds),
    kind,
    block: top.block,
    display: top.display,
    date,
    status: top.status,
    value: top.value,
    normalized: top.normalized,
    strength: top.strength ?? sorted.find((f) => f.strength)?.strength,
    facility: top.facility ?? sorted.find((f) => f.facility)?.facility,
    codes: uniqueCodes(sorted),
    factIds,
    resourceIds: uniq(sorted.map((f) => f.resourceId)),
    conflicts,
  };
}

/** "No known allergies" in one source and an active allergy in another: both items show it. */
function markNoKnownAllergies(items: MergedItem[]): void {
  const nka = items.filter((i) => i.status === 'none-known');
  const active = items.filter((i) => i.status === 'active');
  if (!nka.length || !active.length) return;
  const nkaIds = uniq(nka.flatMap((i) => i.resourceIds));
  for (const n of nka) n.conflicts.push({ type: 'no-known-allergies', message: `other sources list ${active.length} active allerg${active.length === 1 ? 'y' : 'ies'}: ${active.map((a) => a.display).join(', ')}`, resourceIds: uniq(active.flatMap((i) => i.resourceIds)) });
  for (const a of active) a.conflicts.push({ type: 'no-known-allergies', message: 'another source says "no known allergies"', resourceIds: nkaIds });
}

function uniqueCodes(facts: Fact[]): string[] {
  const out = new Set<string>();
  for (const f of facts) for (const c of f.codes) out.add(c);
  return [...out];
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Full reconcile of facts in memory: group by kind and block, cluster each block. */
export function reconcileFacts(facts: Fact[], decisions: Decision[] = []): MergedItem[] {
  const blocks = new Map<string, Fact[]>();
  for (const f of facts) {
    const key = `${f.kind}\u0000${f.block}`;
    const list = blocks.get(key);
    if (list) list.push(f);
    else blocks.set(key, [f]);
  }
  const out: MergedItem[] = [];
  for (const [key, list] of blocks) pushAll(out, clusterBlock(key.split('\u0000')[0] as ItemKind, list, decisions));
  return out;
}
