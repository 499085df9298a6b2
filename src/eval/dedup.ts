/**
 * `vessel eval dedup`: every C-CDA of the ONC test patients in
 * `<corpus>/ccda/jddamore-ccda-samples` (the same patients from dozens of vendors) through the
 * real pipeline into one Vessel (temp folder, SQLite); the pipeline attaches each document to
 * its person (name + birth date from recordTarget). Then, per item type, over all people:
 *
 * - items: merged items shown;
 * - duplicates_ratio: items that repeat a fact another item shows (same code and day, same
 *   test/day/value, same ingredient and strength...: a "certainly the same" oracle kept apart
 *   from the matcher's rules) over items;
 * - wrong_merge_ratio: items holding two facts that are certainly different (different days,
 *   different codes whose names share no word, different times and values) over items;
 * - intended_found_ratio: for Alice Newman, the facts of the ONC test-data sheet found as items.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { openVessel } from '../app/vessel.js';
import { supportedFormats } from '../sources/registry.js';
import { GENERIC_CODES, ITEM_KINDS, type Fact, type ItemKind } from '../record/normalize/fact.js';
import type { MergedItem } from '../record/reconcile/cluster.js';
import { dayOf, minuteOf } from '../record/normalize/dates.js';
import { overlap, words } from '../record/normalize/text.js';
import type { EvalOptions, EvalReport, EvalSuite } from './types.js';
import type { SourceAdapter } from '../core/types.js';

const SET = path.join('ccda', 'jddamore-ccda-samples');

/** Alice Newman's intended facts (ONC 170.315(b)(4) ambulatory test data sheet, v13). */
const ALICE: Record<string, Array<{ label: string; match: (it: MergedItem) => boolean }>> = (() => {
  const code = (c: string) => (it: MergedItem) => it.codes.some((k) => k.endsWith(`|${c}`));
  const day = (d: string) => (it: MergedItem) => dayOf(it.date) === d;
  const block = (b: string) => (it: MergedItem) => it.block === b || it.block.startsWith(`${b}|`) || it.block.split('+').includes(b);
  const text = (w: string) => (it: MergedItem) => words(it.display).join(' ').includes(w);
  const and = (...fs: Array<(it: MergedItem) => boolean>) => (it: MergedItem) => fs.every((f) => f(it));
  const or = (...fs: Array<(it: MergedItem) => boolean>) => (it: MergedItem) => fs.some((f) => f(it));
  const vit = (g: string) => ({ label: g, match: and(block(g), day('2015-06-22')) });
  return {
    allergies: [{ label: 'penicillin G', match: or(code('7980'), text('penicillin g')) }, { label: 'ampicillin', match: or(code('733'), text('ampicillin')) }],
    medications: [{ label: 'ceftriaxone', match: block('ceftriaxone') }, { label: 'acetaminophen (Tylenol)', match: block('acetaminophen') }, { label: 'darbepoetin alfa (Aranesp)', match: block('darbepoetin alfa') }],
    problems: [
      { label: 'essential hypertension', match: or(code('59621000'), text('hypertension')) },
      { label: 'severe hypothyroidism', match: or(code('83986005'), text('hypothyroidism')) },
      { label: 'chronic rejection of renal transplant', match: or(code('236578006'), text('rejection')) },
      { label: 'fever', match: or(code('386661006'), text('fever')) },
      { label: 'overweight', match: or(code('238131007'), text('overweight')) },
    ],
    immunizations: [
      { label: 'influenza 2014-05-10', match: and(block('influenza'), day('2014-05-10')) },
      { label: 'tetanus/diphtheria 2012-01-04', match: and(block('tetanus'), day('2012-01-04')) },
      { label: 'influenza 2015-06-22 (refused)', match: and(block('influenza'), day('2015-06-22')) },
    ],
    vitals: ['height', 'weight', 'bp-diastolic', 'bp-systolic', 'heart-rate', 'spo2', 'fio2', 'temperature', 'respiratory-rate'].map(vit),
    results: ['urine-color', 'urine-appearance', 'urine-specific-gravity', 'urine-ph', 'urine-glucose', 'urine-ketones', 'urine-protein'].map(vit),
    encounters: [{ label: 'visit 2015-06-22', match: day('2015-06-22') }],
    procedures: [
      { label: 'nebulizer therapy 2015-06-22', match: and(day('2015-06-22'), or(code('56251003'), text('nebuliz'))) },
      { label: 'cardiac pacemaker 2011-10-05', match: and(day('2011-10-05'), or(code('175135009'), text('pacemaker'))) },
    ],
  };
})();

function numKey(f: Fact): string | undefined {
  const n = f.normalized ?? (f.value?.value !== undefined ? { value: f.value.value, unit: f.value.unit ?? '' } : undefined);
  if (n) return `${Number(n.value.toPrecision(3))} ${n.unit}`;
  return f.value?.text?.trim().toLowerCase();
}

/** Keys under which two facts are certainly the same fact. */
export function sameFactKeys(f: Fact): string[] {
  const day = dayOf(f.date) ?? f.date ?? '';
  switch (f.kind) {
    case 'results':
    case 'vitals': {
      const group = f.block.split('|')[0];
      const v = numKey(f);
      return day && v ? [`${group}|${day}|${v}`] : [];
    }
    case 'medications':
      return f.strength ? [`${f.block}|${f.strength}`] : [];
    case 'problems':
    case 'allergies':
      return f.status === 'none-known' ? ['nka'] : f.codes.filter((c) => !c.startsWith('urn:') && !/\|$/.test(c) && !GENERIC_CODES.has(c.split('|')[1]));
    case 'immunizations':
      return day ? [`${f.block}|${day}`] : [];
    case 'encounters':
      return day && f.facility ? [`${day}|${words(f.facility).join(' ')}`] : [];
    case 'procedures':
      return day ? f.codes.filter((c) => !GENERIC_CODES.has(c.split('|')[1])).map((c) => `${c}|${day}`) : [];
  }
}

const sys = (c: string) => c.split('|')[0];

/** True when two facts are certainly different facts. */
export function certainlyDifferent(a: Fact, b: Fact): boolean {
  const da = dayOf(a.date);
  const db = dayOf(b.date);
  const disjointCodes = () => {
    const shared = a.codes.some((c) => b.codes.includes(c));
    const sameSystemDiffer = a.codes.some((x) => b.codes.some((y) => sys(x) === sys(y) && x !== y));
    const wa = words(a.display).filter((w) => !/^\d+$/.test(w));
    const wb = words(b.display).filter((w) => !/^\d+$/.test(w));
    // A display that is only a code says nothing about the name: not certain.
    return !shared && sameSystemDiffer && wa.length > 0 && wb.length > 0 && overlap(wa, wb) === 0;
  };
  switch (a.kind) {
    case 'results':
    case 'vitals': {
      if (da && db && da !== db) return true;
      const ma = minuteOf(a.date);
      const mb = minuteOf(b.date);
      return !!(ma && mb && ma !== mb && numKey(a) !== numKey(b));
    }
    case 'medications':
      return !!(a.strength && b.strength && a.strength !== b.strength);
    case 'immunizations':
      return !!(da && db && da !== db);
    case 'encounters':
      return !!(da && db && da !== db) || !!(a.facility && b.facility && overlap(words(a.facility), words(b.facility)) === 0);
    case 'procedures':
      return !!(da && db && da !== db) || disjointCodes();
    case 'problems':
    case 'allergies':
      return (a.status === 'none-known') !== (b.status === 'none-known') || disjointCodes();
  }
}

interface KindScore {
  items: number;
  duplicates: number;
  wrongMerges: number;
  examples: string[];
}

export function scoreKind(items: MergedItem[], facts: Map<string, Fact>): KindScore {
  const s: KindScore = { items: items.length, duplicates: 0, wrongMerges: 0, examples: [] };
  const owner = new Map<string, number>();
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  items.forEach((it, i) => {
    const fs = it.factIds.map((id) => facts.get(id)).filter((f): f is Fact => !!f);
    let wrong = false;
    for (let x = 0; x < fs.length && !wrong; x++) for (let y = x + 1; y < fs.length && !wrong; y++) if (certainlyDifferent(fs[x], fs[y])) wrong = true;
    if (wrong) {
      s.wrongMerges++;
      if (s.examples.length < 5) s.examples.push(`wrong merge: ${it.display} (${it.date ?? 'undated'})`);
    }
    for (const f of fs) {
      for (const k of sameFactKeys(f)) {
        const o = owner.get(k);
        if (o === undefined) owner.set(k, i);
        else if (find(o) !== find(i)) parent[find(i)] = find(o);
      }
    }
  });
  const sizes = new Map<number, number>();
  items.forEach((_, i) => sizes.set(find(i), (sizes.get(find(i)) ?? 0) + 1));
  for (const [root, n] of sizes) {
    if (n < 2) continue;
    s.duplicates += n - 1;
    if (s.examples.length < 10) s.examples.push(`duplicate: ${items[root].display} (${items[root].date ?? 'undated'}) shown ${n} times`);
  }
  return s;
}

const ratio = (n: number, d: number) => (d ? Math.round((n / d) * 10000) / 10000 : 0);

export async function runDedupEval(corpusDir: string, opts: EvalOptions = {}): Promise<EvalReport & { table?: string }> {
  const root = path.join(corpusDir, SET);
  const report: EvalReport & { table?: string } = { suite: 'dedup', corpus: corpusDir, documents: 0, failed: 0, crashes: 0, metrics: {} };
  if (!fs.existsSync(root)) {
    report.metrics = { error: `no ${SET} folder under ${corpusDir}` };
    return report;
  }
  const files: string[] = [];
  for (const v of fs.readdirSync(root).sort()) {
    const d = path.join(root, v);
    if (!fs.statSync(d).isDirectory() || v === 'onc-test-case-data' || v === 'schematron-results') continue;
    for (const f of fs.readdirSync(d).sort()) if (/\.xml$/i.test(f)) files.push(path.join(d, f));
  }
  const chosen = opts.limit ? files.slice(0, opts.limit) : files;
  const registered = supportedFormats().includes('cda-xml');
  let adapters: SourceAdapter[] | undefined;
  if (!registered) {
    const [{ ccdaAdapter }, { fhirAdapter }] = await Promise.all([import('../sources/ccda/index.js'), import('../sources/fhir/index.js')]);
    adapters = [ccdaAdapter, fhirAdapter];
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vessel-eval-dedup-'));
  const vessel = await openVessel({ dataDir, key: randomBytes(32).toString('base64'), databaseUrl: undefined, adapters });
  try {
    const t0 = performance.now();
    for (const f of chosen) {
      await vessel.importer.importBytes(fs.readFileSync(f), path.relative(root, f), { channel: 'cli' });
      report.documents++;
    }
    await vessel.runJobsUntilIdle({ onError: () => report.crashes++ });
    const importMs = performance.now() - t0;
    const { store } = vessel;
    const docs = await store.documents.list({ limit: 100000 });
    report.failed = docs.filter((d) => d.state === 'failed' || d.state === 'unsupported').length;
    const people = await store.people.list();
    const perKind: Record<string, KindScore> = {};
    const intended: Record<string, { intended: number; found: number; items_per_fact: number; missing: string[] }> = {};
    const alices = people.filter((p) => /newman/i.test(p.family ?? p.displayName) && /alice/i.test(p.given ?? p.displayName));
    const docCount = (id: string) => docs.filter((d) => d.personId === id).length;
    // The sheet is scored on the Alice Newman holding most documents; others are vendors' variants (another birth date).
    const alice = alices.sort((a, b) => docCount(b.id) - docCount(a.id)).slice(0, 1);
    for (const p of people) {
      const facts = new Map((await store.record.personFacts(p.id)).map((f) => [f.id, f]));
      for (const kind of ITEM_KINDS) {
        const { items } = await store.record.items(p.id, kind, { limit: 1e7 });
        const s = scoreKind(items, facts);
        const acc = (perKind[kind] ??= { items: 0, duplicates: 0, wrongMerges: 0, examples: [] });
        acc.items += s.items;
        acc.duplicates += s.duplicates;
        acc.wrongMerges += s.wrongMerges;
        for (const e of s.examples) if (acc.examples.length < 8) acc.examples.push(`${p.displayName}: ${e}`);
        if (alice.some((a) => a.id === p.id) && ALICE[kind]) {
          const want = ALICE[kind];
          const hits = want.map((w) => items.filter(w.match).length);
          const cur = (intended[kind] ??= { intended: want.length, found: 0, items_per_fact: 0, missing: [] });
          cur.found = hits.filter((h) => h > 0).length;
          cur.items_per_fact = ratio(hits.reduce((a, b) => a + b, 0), Math.max(1, cur.found));
          cur.missing = want.filter((_, i) => !hits[i]).map((w) => w.label);
        }
      }
    }
    const metrics: Record<string, unknown> = {
      adapter: registered ? 'ccda adapter from the registry' : 'ccda adapter NOT registered in src/sources/registry.ts yet; passed to openVessel directly',
      people: people.length,
      alice_newman_people: alices.map((a) => `${a.displayName} ${a.birthDate ?? '?'}: ${docCount(a.id)} documents`),
      import_and_reconcile_ms: Math.round(importMs),
    };
    const lines = ['type           items  dup_ratio  wrong_merge  intended_found'];
    for (const kind of ITEM_KINDS) {
      const s = perKind[kind] ?? { items: 0, duplicates: 0, wrongMerges: 0, examples: [] };
      const m: Record<string, unknown> = { items: s.items, duplicates_ratio: ratio(s.duplicates, s.items), wrong_merge_ratio: ratio(s.wrongMerges, s.items) };
      if (intended[kind]) {
        m.intended_found_ratio = ratio(intended[kind].found, intended[kind].intended);
        m.intended_items_per_fact = intended[kind].items_per_fact;
        if (intended[kind].missing.length) m.intended_missing = intended[kind].missing;
      }
      if (s.examples.length) m.examples = s.examples;
      metrics[kind] = m;
      lines.push(`${kind.padEnd(14)} ${String(s.items).padStart(5)}  ${String(m.duplicates_ratio).padStart(9)}  ${String(m.wrong_merge_ratio).padStart(11)}  ${m.intended_found_ratio ?? '-'}`);
    }
    report.metrics = metrics;
    report.table = lines.join('\n');
    return report;
  } finally {
    await vessel.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export const suite: EvalSuite = {
  name: 'dedup',
  description: 'ONC test patients from many vendors merged into one record each: duplicates left, wrong merges, intended facts found',
  category: 'ccda',
  run: runDedupEval,
};
