/**
 * International Patient Summary: the person's merged record as a FHIR document Bundle
 * (type document, Composition first) with the IPS required sections (medications, allergies,
 * problems) and, where present, immunizations, results, procedures and past illnesses. Every
 * section has a readable XHTML narrative; an empty required section says "no information".
 * Entries are copies of the stored resources that stand behind each merged item, with
 * fullUrl urn:uuid and every reference pointing inside the bundle (or dropped). Pure.
 */
import { createHash } from 'node:crypto';
import type { Bundle, BundleEntry, Composition, CompositionSection, Patient, Resource } from '@medplum/fhirtypes';
import type { MergedItem } from '../record/reconcile/cluster.js';
import { currentAllergies, currentMedications, valueText } from '../doctor/answers.js';
import { describeSource, sourceOf, type Snapshot, type SnapshotResource } from '../doctor/snapshot.js';
import { provenanceFor } from './provenance.js';

const LOINC = 'http://loinc.org';

/** IPS section codes (LOINC), in the order the IPS guide lists them. */
export const IPS_SECTIONS = {
  medications: { code: '10160-0', title: 'Medication Summary', display: 'History of Medication use Narrative', required: true },
  allergies: { code: '48765-2', title: 'Allergies and Intolerances', display: 'Allergies and adverse reactions Document', required: true },
  problems: { code: '11450-4', title: 'Problem List', display: 'Problem list - Reported', required: true },
  immunizations: { code: '11369-6', title: 'History of Immunizations', display: 'History of Immunization Narrative', required: false },
  results: { code: '30954-2', title: 'Results', display: 'Relevant diagnostic tests/laboratory data Narrative', required: false },
  procedures: { code: '47519-4', title: 'History of Procedures', display: 'History of Procedures Document', required: false },
  pastIllness: { code: '11348-0', title: 'History of Past Illness', display: 'History of Past illness Narrative', required: false },
} as const;
export type IpsSectionKey = keyof typeof IPS_SECTIONS;

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A stable urn:uuid from a seed (same record → same bundle ids). */
function urnOf(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const div = (inner: string) => `<div xmlns="http://www.w3.org/1999/xhtml">${inner}</div>`;

function table(headers: string[], rows: string[][]): string {
  const th = headers.map((h) => `<th>${escapeXml(h)}</th>`).join('');
  const trs = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeXml(c)}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${trs}</tbody></table>`;
}

type Json = Record<string, unknown>;

/** Deep copy with references rewritten: patient → the bundle's patient, known → its urn, others dropped (display kept). */
function rewrite(value: unknown, map: (ref: string) => string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, map)).filter((v) => v !== undefined);
  if (!value || typeof value !== 'object') return value;
  const o = value as Json;
  const out: Json = {};
  for (const [k, v] of Object.entries(o)) {
    const r = rewrite(v, map);
    if (r !== undefined) out[k] = r;
  }
  if (typeof o.reference === 'string' && !o.reference.startsWith('#')) {
    const to = map(o.reference);
    if (to) out.reference = to;
    else {
      delete out.reference;
      if (!Object.keys(out).length) return undefined;
    }
  }
  return out;
}

interface Built {
  entries: BundleEntry[];
  sections: CompositionSection[];
}

export interface IpsOptions {
  /** Bundle timestamp; defaults to now. */
  now?: string;
}

/** The IPS document Bundle of the snapshot's person. */
export function buildIps(s: Snapshot, opts: IpsOptions = {}): Bundle {
  const now = opts.now ?? new Date().toISOString();
  const patientUrn = urnOf(`patient:${s.person.id}`);
  const byId = new Map<string, SnapshotResource>(s.resources.map((r) => [r.id, r]));
  const byRef = new Map<string, SnapshotResource>();
  for (const r of s.resources) byRef.set(`${r.resourceType}/${r.id}`, r);
  const stored = s.resources.find((r) => r.resourceType === 'Patient')?.resource as Patient | undefined;

  const patient: Patient = { resourceType: 'Patient', id: patientUrn.slice(9) };
  const p = s.person;
  if (p.family || p.given) patient.name = [{ family: p.family, given: p.given ? p.given.split(/\s+/) : undefined }];
  else patient.name = [{ text: p.displayName }];
  if (p.birthDate) patient.birthDate = p.birthDate;
  if (p.gender && ['male', 'female', 'other', 'unknown'].includes(p.gender)) patient.gender = p.gender as Patient['gender'];
  if (stored?.telecom?.length) patient.telecom = stored.telecom;
  if (stored?.address?.length) patient.address = stored.address;
  if (p.identifiers.length) patient.identifier = p.identifiers.map((i) => ({ system: i.system, value: i.value }));

  const entries: BundleEntry[] = [{ fullUrl: patientUrn, resource: patient }];
  const included = new Map<string, string>(); // stored ref → urn
  const patientRefs = new Set(s.resources.filter((r) => r.resourceType === 'Patient').map((r) => `Patient/${r.id}`));

  const mapRef = (ref: string): string | undefined => {
    if (patientRefs.has(ref) || ref === `Patient/${s.person.id}`) return patientUrn;
    return included.get(ref);
  };

  /** Copies the stored resource behind an item into the bundle; its urn. */
  const include = (it: MergedItem, fix?: (r: Json) => void): string | undefined => {
    const src = it.resourceIds.map((id) => byId.get(id)).find(Boolean);
    if (!src) return undefined;
    const ref = `${src.resourceType}/${src.id}`;
    if (included.has(ref)) return included.get(ref);
    const urn = urnOf(`${s.person.id}:${ref}`);
    included.set(ref, urn);
    const copy = JSON.parse(JSON.stringify(src.resource)) as Json;
    delete copy.meta;
    delete copy.text;
    copy.id = urn.slice(9);
    fix?.(copy);
    entries.push({ fullUrl: urn, resource: copy as unknown as Resource });
    return urn;
  };

  const sections: CompositionSection[] = [];
  const section = (key: IpsSectionKey, items: MergedItem[], headers: string[], row: (it: MergedItem) => string[], fix?: (it: MergedItem, r: Json) => void) => {
    const def = IPS_SECTIONS[key];
    const code = { coding: [{ system: LOINC, code: def.code, display: def.display }] };
    const refs: string[] = [];
    const rows: string[][] = [];
    for (const it of items) {
      const urn = include(it, fix ? (r) => fix(it, r) : undefined);
      if (!urn) continue;
      refs.push(urn);
      rows.push([...row(it), describeSource(it.resourceIds.map((id) => sourceOf(s, id)).find(Boolean))]);
    }
    if (!refs.length) {
      if (!def.required) return;
      sections.push({
        title: def.title,
        code,
        text: { status: 'generated', div: div(`<p>No information about ${escapeXml(def.title.toLowerCase())} in this record.</p>`) },
        emptyReason: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/list-empty-reason', code: 'unavailable', display: 'Unavailable' }] },
      });
      return;
    }
    sections.push({ title: def.title, code, text: { status: 'generated', div: div(table([...headers, 'Source'], rows)) }, entry: refs.map((reference) => ({ reference })) });
  };

  const date = (it: MergedItem) => it.date ?? '';

  // Medications: a medicationReference that is not in the bundle becomes a readable concept.
  section('medications', currentMedications(s), ['Medication', 'Strength', 'Since'], (it) => [it.display, it.strength ?? '', date(it)], (it, r) => {
    const ref = (r.medicationReference as { reference?: string; display?: string } | undefined) ?? undefined;
    if (ref) {
      const med = ref.reference ? byRef.get(ref.reference)?.resource as { code?: Json } | undefined : undefined;
      delete r.medicationReference;
      r.medicationCodeableConcept = med?.code ?? { text: ref.display ?? it.display };
    }
  });
  section('allergies', currentAllergies(s).filter((a) => a.status !== 'none-known'), ['Substance', 'Status', 'Recorded'], (it) => [it.display, it.status ?? '', date(it)]);
  const problems = s.items.problems.filter((it) => it.status !== 'none-known' && it.status !== 'refuted' && it.status !== 'entered-in-error');
  section('problems', problems.filter((it) => it.status !== 'resolved'), ['Problem', 'Status', 'Onset'], (it) => [it.display, it.status ?? '', date(it)]);
  section('immunizations', s.items.immunizations.filter((it) => it.status !== 'not-done'), ['Vaccine', 'Date'], (it) => [it.display, date(it)]);
  // Results: the latest of each test.
  const latest = new Map<string, MergedItem>();
  for (const it of s.items.results) {
    const g = it.block.split('|')[0];
    const prev = latest.get(g);
    if (!prev || (it.date ?? '') > (prev.date ?? '')) latest.set(g, it);
  }
  section('results', [...latest.values()], ['Test', 'Result', 'Date'], (it) => [it.display, valueText(it), date(it)]);
  section('procedures', s.items.procedures, ['Procedure', 'Date'], (it) => [it.display, date(it)]);
  section('pastIllness', problems.filter((it) => it.status === 'resolved'), ['Problem', 'Status', 'Onset'], (it) => [it.display, it.status ?? '', date(it)]);

  // Second pass: references between included resources resolve now that all are known.
  for (const e of entries.slice(1)) e.resource = rewrite(e.resource, mapRef) as Resource;
  // Resources with a required subject/patient that had none get the patient.
  for (const e of entries.slice(1)) {
    const r = e.resource as unknown as Json;
    if (['Condition', 'MedicationStatement', 'MedicationRequest', 'Procedure', 'Observation'].includes(r.resourceType as string) && !r.subject) r.subject = { reference: patientUrn };
    if (['AllergyIntolerance', 'Immunization'].includes(r.resourceType as string) && !r.patient) r.patient = { reference: patientUrn };
  }

  // Where each entry came from: a Provenance per entry (R4 documents may carry Provenance of their resources).
  for (const [ref, urn] of included) {
    const id = ref.slice(ref.indexOf('/') + 1);
    const loc = s.locations[id];
    const doc = loc && s.documents[loc.documentId];
    if (!loc || !doc) continue;
    const provUrn = urnOf(`provenance:${s.person.id}:${ref}`);
    const source = { documentId: doc.id, filename: doc.filename, title: doc.title, date: doc.date, author: doc.author, organization: doc.organization, receivedAt: doc.receivedAt ?? now, location: loc.location };
    entries.push({ fullUrl: provUrn, resource: provenanceFor(provUrn.slice(9), urn, source) });
  }

  const compUrn = urnOf(`composition:${s.person.id}:${now}`);
  const composition: Composition = {
    resourceType: 'Composition',
    id: compUrn.slice(9),
    status: 'final',
    type: { coding: [{ system: LOINC, code: '60591-5', display: 'Patient summary Document' }] },
    subject: { reference: patientUrn },
    date: now,
    author: [{ reference: patientUrn }],
    title: `International Patient Summary: ${s.person.displayName}`,
    text: { status: 'generated', div: div(`<p>Patient summary of ${escapeXml(s.person.displayName)}${p.birthDate ? `, born ${escapeXml(p.birthDate)}` : ''}, made by Vessel from the person's own records on ${escapeXml(now.slice(0, 10))}.</p>`) },
    section: sections,
  };
  const built: Built = { entries, sections };
  return {
    resourceType: 'Bundle',
    identifier: { system: 'urn:ietf:rfc:3986', value: urnOf(`bundle:${s.person.id}:${now}`) },
    type: 'document',
    timestamp: now,
    entry: [{ fullUrl: compUrn, resource: composition }, ...built.entries],
  };
}
