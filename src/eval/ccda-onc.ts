/**
 * ONC 170.315(b)(4) intended content: for the test patient whose test-data sheet ships with the
 * corpus (jddamore-ccda-samples/onc-test-case-data/), how many of the intended medications,
 * problems, allergies and results each vendor's document yields (matched by code, any coding).
 * The intended codes are transcribed from the sheet as data.
 */
import type { CodeableConcept, Resource } from '@medplum/fhirtypes';

type Kind = 'medications' | 'problems' | 'allergies' | 'results';

interface Sheet {
  patient: { given: string; family: string };
  source: string;
  intended: Record<Kind, string[]>;
}

/** Alice Newman, "2015 S&CC Test Data for 170.315 (b)(4) - CCDS Create, Ambulatory, sample 1 v13". */
export const SHEETS: Sheet[] = [
  {
    patient: { given: 'Alice', family: 'Newman' },
    source: 'Alice_Newman_170.315_b4_ccds_create_amb_sample1_v13.pdf',
    intended: {
      medications: ['309090', '209459', '731241'], // RxNorm: Ceftriaxone 100 MG/ML, Tylenol 500 mg, Aranesp 0.5 MG/ML
      allergies: ['7980', '733'], // RxNorm: Penicillin G, Ampicillin
      problems: ['59621000', '83986005', '236578006', '386661006', '238131007'], // SNOMED: essential hypertension, severe hypothyroidism, chronic rejection of renal transplant, fever, overweight
      results: ['5778-6', '5767-9', '5811-5', '5803-2', '5792-7', '5797-6', '5804-0'], // LOINC urinalysis 6/22/2015
    },
  },
];

const TYPES: Record<Kind, string[]> = {
  medications: ['MedicationStatement', 'MedicationRequest', 'MedicationAdministration'],
  allergies: ['AllergyIntolerance'],
  problems: ['Condition'],
  results: ['Observation'],
};

function codesOf(r: Resource): Set<string> {
  const out = new Set<string>();
  const add = (c: CodeableConcept | undefined) => c?.coding?.forEach((x) => x.code && out.add(x.code));
  const any = r as unknown as { code?: CodeableConcept; medicationCodeableConcept?: CodeableConcept };
  add(any.code);
  add(any.medicationCodeableConcept);
  return out;
}

function isPatient(resources: Resource[], p: Sheet['patient']): boolean {
  return resources.some(
    (r) => r.resourceType === 'Patient' && (r.name ?? []).some((n) => n.family?.toLowerCase() === p.family.toLowerCase() && (n.given ?? []).some((g) => g.toLowerCase() === p.given.toLowerCase())),
  );
}

function found(resources: Resource[], kind: Kind, codes: string[]): number {
  const seen = new Set<string>();
  for (const r of resources) if (TYPES[kind].includes(r.resourceType)) for (const c of codesOf(r)) seen.add(c);
  return codes.filter((c) => seen.has(c)).length;
}

export interface OncDoc {
  file: string;
  resources: Resource[];
  medplum?: Resource[];
  /** The raw XML, to tell "the vendor left it out" from "the mapper missed it". */
  text?: string;
}

/** Per vendor (first folder under jddamore-ccda-samples/): documents of the sheet's patient and intended items found. */
export function oncIntended(docs: OncDoc[]): unknown {
  const out: Record<string, unknown> = {};
  for (const sheet of SHEETS) {
    const kinds = Object.keys(sheet.intended) as Kind[];
    const vendors: Record<string, Record<string, unknown>> = {};
    const totals = { vessel: {} as Record<string, number>, medplum: {} as Record<string, number>, inXml: {} as Record<string, number>, possible: {} as Record<string, number> };
    let documents = 0;
    for (const d of docs) {
      const m = /^jddamore-ccda-samples\/([^/]+)\//.exec(d.file);
      if (!m || m[1] === 'onc-test-case-data' || !isPatient(d.resources, sheet.patient)) continue;
      documents++;
      const v = (vendors[m[1]] ??= { documents: 0 });
      v.documents = (v.documents as number) + 1;
      for (const k of kinds) {
        const n = sheet.intended[k].length;
        const ours = found(d.resources, k, sheet.intended[k]);
        const theirs = d.medplum ? found(d.medplum, k, sheet.intended[k]) : 0;
        v[k] = `${((v[`_${k}`] as number) ?? 0) + ours}/${((v[`_${k}n`] as number) ?? 0) + n}`;
        v[`_${k}`] = ((v[`_${k}`] as number) ?? 0) + ours;
        v[`_${k}n`] = ((v[`_${k}n`] as number) ?? 0) + n;
        totals.vessel[k] = (totals.vessel[k] ?? 0) + ours;
        totals.medplum[k] = (totals.medplum[k] ?? 0) + theirs;
        totals.inXml[k] = (totals.inXml[k] ?? 0) + (d.text ? sheet.intended[k].filter((c) => new RegExp(`code\\s*=\\s*["']\\s*${c.replace('.', '\\.')}\\s*["']`).test(d.text!)).length : n);
        totals.possible[k] = (totals.possible[k] ?? 0) + n;
      }
    }
    for (const v of Object.values(vendors)) for (const k of Object.keys(v)) if (k.startsWith('_')) delete v[k];
    const ratio = (t: Record<string, number>) => Object.fromEntries(kinds.map((k) => [k, totals.possible[k] ? Math.round((t[k] / totals.possible[k]) * 1000) / 1000 : null]));
    out[`${sheet.patient.given} ${sheet.patient.family}`] = { sheet: sheet.source, intended: Object.fromEntries(kinds.map((k) => [k, sheet.intended[k].length])), documents, in_xml_ratio: ratio(totals.inXml), found_ratio: ratio(totals.vessel), found_ratio_medplum: ratio(totals.medplum), vendors };
  }
  return Object.values(out).some((x) => (x as { documents: number }).documents) ? out : undefined;
}

/**
 * The other ONC test patients that recur across vendors (Jeremy Bates, Rebecca Larson, …) have no
 * test-data sheet in the corpus. Their intended content is estimated by consensus: a code counts
 * as intended when the documents of at least half of that patient's vendors carry it (as read by
 * either mapper, so neither grades itself alone). Each vendor's yield is then reported against it.
 * For Alice Newman the same estimate is compared with her sheet, to show how close the proxy is.
 */
const MIN_VENDORS = 5;

const patientKey = (resources: Resource[]): string | undefined => {
  const p = resources.find((r) => r.resourceType === 'Patient');
  const n = p?.resourceType === 'Patient' ? p.name?.[0] : undefined;
  const given = n?.given?.[0]?.trim().toLowerCase();
  const family = n?.family?.trim().toLowerCase();
  return given && family ? `${given} ${family}` : undefined;
};

const codesOfKind = (resources: Resource[] | undefined, kind: Kind): Set<string> => {
  const out = new Set<string>();
  for (const r of resources ?? []) if (TYPES[kind].includes(r.resourceType)) for (const c of codesOf(r)) out.add(c);
  return out;
};

const KINDS: Kind[] = ['medications', 'problems', 'allergies', 'results'];

export function oncConsensus(docs: OncDoc[]): unknown {
  // patient → vendor → documents
  const byPatient = new Map<string, Map<string, OncDoc[]>>();
  for (const d of docs) {
    const m = /^jddamore-ccda-samples\/([^/]+)\//.exec(d.file);
    const key = m && m[1] !== 'onc-test-case-data' ? patientKey(d.resources) : undefined;
    if (!m || !key) continue;
    const vendors = byPatient.get(key) ?? new Map<string, OncDoc[]>();
    byPatient.set(key, vendors);
    vendors.set(m[1], [...(vendors.get(m[1]) ?? []), d]);
  }
  const out: Record<string, unknown> = {};
  for (const [patient, vendors] of [...byPatient].sort()) {
    if (vendors.size < MIN_VENDORS) continue;
    const entry: Record<string, unknown> = { vendors: vendors.size };
    const found = { vessel: {} as Record<string, number>, medplum: {} as Record<string, number>, possible: {} as Record<string, number> };
    const perVendor: Record<string, Record<string, string>> = {};
    for (const kind of KINDS) {
      const votes = new Map<string, number>();
      const vendorCodes = new Map<string, { vessel: Set<string>; medplum: Set<string> }>();
      for (const [vendor, vdocs] of vendors) {
        const vessel = new Set(vdocs.flatMap((d) => [...codesOfKind(d.resources, kind)]));
        const medplum = new Set(vdocs.flatMap((d) => [...codesOfKind(d.medplum, kind)]));
        vendorCodes.set(vendor, { vessel, medplum });
        for (const c of new Set([...vessel, ...medplum])) votes.set(c, (votes.get(c) ?? 0) + 1);
      }
      const consensus = [...votes].filter(([, n]) => n * 2 >= vendors.size).map(([c]) => c).sort();
      entry[`consensus_${kind}`] = consensus.length;
      const sheet = SHEETS.find((s) => `${s.patient.given} ${s.patient.family}`.toLowerCase() === patient);
      if (sheet) entry[`sheet_${kind}_in_consensus`] = `${sheet.intended[kind].filter((c) => consensus.includes(c)).length}/${sheet.intended[kind].length}`;
      for (const [vendor, codes] of vendorCodes) {
        const v = consensus.filter((c) => codes.vessel.has(c)).length;
        const m = consensus.filter((c) => codes.medplum.has(c)).length;
        (perVendor[vendor] ??= {})[kind] = `${v}/${consensus.length}`;
        found.vessel[kind] = (found.vessel[kind] ?? 0) + v;
        found.medplum[kind] = (found.medplum[kind] ?? 0) + m;
        found.possible[kind] = (found.possible[kind] ?? 0) + consensus.length;
      }
    }
    const ratio = (t: Record<string, number>) => Object.fromEntries(KINDS.map((k) => [k, found.possible[k] ? Math.round((t[k] / found.possible[k]) * 1000) / 1000 : null]));
    out[patient] = { ...entry, found_ratio: ratio(found.vessel), found_ratio_medplum: ratio(found.medplum), per_vendor: perVendor };
  }
  return Object.keys(out).length ? out : undefined;
}
