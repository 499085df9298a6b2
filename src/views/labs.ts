/**
 * Lab results (and vital signs) grouped across sources: one group per LOINC code when the
 * result has one, else per normalised name. Each point keeps its range, flag and source.
 * Pure: takes sourced Observations, returns groups.
 */
import type { CodeableConcept, Observation, ObservationReferenceRange, Quantity } from '@medplum/fhirtypes';
import type { SourcedResource } from './query.js';
import type { LabFlag, LabGroup, LabPoint } from './types.js';
import { codeIn, conceptText, LOINC, normaliseName, quantityText, spanText, valueText } from './fhir-text.js';

const FLAGS = new Set<LabFlag>(['H', 'L', 'HH', 'LL', 'A', 'N']);
const INTERPRETATION_WORDS: Record<string, LabFlag> = { high: 'H', low: 'L', abnormal: 'A', normal: 'N', 'critical high': 'HH', 'critical low': 'LL' };

export type ObservationKind = 'lab' | 'vital' | 'other';

function categoryCodes(o: Observation): string[] {
  return (o.category ?? []).flatMap((c) => (c.coding ?? []).map((x) => (x.code ?? '').toLowerCase()).concat(c.text ? [c.text.toLowerCase()] : []));
}

/** Vital signs by category (or their well-known LOINC codes); labs are other results with a value. */
export function observationKind(o: Observation): ObservationKind {
  const cats = categoryCodes(o);
  if (cats.includes('vital-signs') || cats.includes('vital signs')) return 'vital';
  if (cats.includes('laboratory') || cats.includes('lab')) return 'lab';
  // US Core's other categories: a functional or cognitive status ("No functional impairment"), a
  // disability or social-needs screening is not a lab result, though it has a value.
  if (cats.some((c) => NOT_LAB_CATEGORIES.has(c))) return 'other';
  const loinc = codeIn(o.code, LOINC);
  if (loinc && VITAL_LOINC.has(loinc)) return 'vital';
  const hasValue = o.valueQuantity !== undefined || o.valueString !== undefined || o.valueCodeableConcept !== undefined || !!o.component?.length;
  return hasValue ? 'lab' : 'other';
}

const NOT_LAB_CATEGORIES = new Set(['social-history', 'survey', 'exam', 'imaging', 'procedure', 'activity', 'therapy', 'functional-status', 'cognitive-status', 'disability-status', 'sdoh', 'care-experience-preference', 'treatment-intervention-preference']);

export const VITAL_LOINC = new Set(['85354-9', '8480-6', '8462-4', '8867-4', '8310-5', '9279-1', '2708-6', '59408-5', '29463-7', '8302-2', '39156-5', '8287-5', '3141-9']);

function flagOf(interpretation: CodeableConcept[] | undefined, value: number | undefined, low?: number, high?: number): LabFlag | undefined {
  for (const cc of interpretation ?? []) {
    for (const c of cc.coding ?? []) {
      const code = (c.code ?? '').toUpperCase() as LabFlag;
      if (FLAGS.has(code)) return code;
    }
    const word = INTERPRETATION_WORDS[(cc.text ?? '').toLowerCase()];
    if (word) return word;
  }
  if (value === undefined || (low === undefined && high === undefined)) return undefined;
  if (low !== undefined && value < low) return 'L';
  if (high !== undefined && value > high) return 'H';
  return 'N';
}

function rangeOf(ranges: ObservationReferenceRange[] | undefined): { low?: number; high?: number; rangeText?: string } {
  const r = ranges?.[0];
  if (!r) return {};
  const out: { low?: number; high?: number; rangeText?: string } = {};
  if (typeof r.low?.value === 'number') out.low = r.low.value;
  if (typeof r.high?.value === 'number') out.high = r.high.value;
  if (r.text) out.rangeText = r.text;
  else if (out.low !== undefined || out.high !== undefined) {
    out.rangeText = spanText(out.low, out.high);
  }
  return out;
}

interface Measured {
  code: CodeableConcept | undefined;
  quantity?: Quantity;
  text?: string;
  interpretation?: CodeableConcept[];
  referenceRange?: ObservationReferenceRange[];
}

/** A value that can be charted: a quantity, or an integer (a score) as a quantity without unit. */
const quantityOf = (v: { valueQuantity?: Quantity; valueInteger?: number }): Quantity | undefined => v.valueQuantity ?? (v.valueInteger !== undefined ? { value: v.valueInteger } : undefined);

/** An Observation's measured values: its own value, or one per component (blood pressure). */
function measuredParts(o: Observation): Measured[] {
  const quantity = quantityOf(o);
  const text = quantity ? undefined : valueText(o);
  const own = quantity !== undefined || text !== undefined;
  // A panel ("Vital signs", "CBC") that only groups its members measures nothing itself: its
  // members are rows of their own (it had shown as a test whose every result was "—").
  if (!own && !o.component?.length && o.hasMember?.length && !o.dataAbsentReason) return [];
  if (!own && o.component?.length) {
    return o.component.map((c) => {
      const q = quantityOf(c);
      return { code: c.code, quantity: q, text: q ? undefined : valueText(c), interpretation: c.interpretation, referenceRange: c.referenceRange ?? o.referenceRange };
    });
  }
  return [{ code: o.code, quantity, text, interpretation: o.interpretation, referenceRange: o.referenceRange }];
}

export function groupKey(code: CodeableConcept | undefined): { key: string; loinc?: string; name: string } | undefined {
  const name = conceptText(code);
  const loinc = codeIn(code, LOINC);
  if (loinc) return { key: `loinc:${loinc}`, loinc, name: name ?? loinc };
  if (!name) return undefined;
  const norm = normaliseName(name);
  return norm ? { key: `name:${norm}`, name } : undefined;
}

const unitKey = (u: string | undefined) => (u ?? '').trim().toLowerCase();

/**
 * A vital sign as it is measured: to one decimal (a weight of 70.3 kg, a temperature of 36.8 °C).
 * More digits are a computation's (Synthea's height of 99.3291 cm, a BMI of 15.3258), not the
 * reading's; the charts keep the value as sent.
 */
function asMeasured(q: Quantity | undefined): Quantity | undefined {
  return q?.value === undefined ? q : { ...q, value: Math.round(q.value * 10) / 10 };
}

/** Groups Observations of one kind; groups sorted by name, points oldest first. */
export function groupObservations(items: SourcedResource[], kind: 'lab' | 'vital'): LabGroup[] {
  const groups = new Map<string, LabGroup>();
  for (const it of items) {
    if (it.resourceType !== 'Observation') continue;
    const o = it.resource as Observation;
    if (o.status === 'entered-in-error' || o.status === 'cancelled') continue;
    if (observationKind(o) !== kind) continue;
    for (const m of measuredParts(o)) {
      const g = groupKey(m.code);
      if (!g) continue;
      const range = rangeOf(m.referenceRange);
      const value = typeof m.quantity?.value === 'number' ? m.quantity.value : undefined;
      const point: LabPoint = {
        resourceId: it.id,
        display: quantityText(kind === 'vital' ? asMeasured(m.quantity) : m.quantity) ?? m.text ?? '—',
        source: it.source,
        ...range,
      };
      if (it.date) point.date = it.date;
      if (value !== undefined) point.value = value;
      const unit = m.quantity?.unit ?? m.quantity?.code;
      if (unit) point.unit = unit;
      const flag = flagOf(m.interpretation, value, range.low, range.high);
      if (flag) point.flag = flag;
      let group = groups.get(g.key);
      if (!group) {
        group = { key: g.key, name: g.name, latest: point, count: 0, points: [] };
        if (g.loinc) group.loinc = g.loinc;
        groups.set(g.key, group);
      }
      group.points.push(point);
    }
  }
  for (const g of groups.values()) {
    g.points.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
    g.latest = g.points[g.points.length - 1];
    g.count = g.points.length;
    const units = new Map<string, { n: number; unit: string }>();
    for (const p of g.points) {
      if (p.value === undefined || !p.unit) continue;
      const e = units.get(unitKey(p.unit)) ?? { n: 0, unit: p.unit };
      e.n++;
      units.set(unitKey(p.unit), e);
    }
    const main = [...units.values()].sort((a, b) => b.n - a.n)[0];
    if (main) g.unit = main.unit;
    // A more common name wins over a rarer spelling (the LOINC display often differs per lab).
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Points a chart of the group can plot: numeric, dated, and in the group's unit. */
export function plottable(g: LabGroup): LabPoint[] {
  return g.points.filter((p) => p.value !== undefined && p.date && (!g.unit || !p.unit || unitKey(p.unit) === unitKey(g.unit)));
}
