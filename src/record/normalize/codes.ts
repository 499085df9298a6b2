/**
 * Code tables shipped as data (see data/NOTICE): LOINC subset with test groups, lab names
 * from faxes and narrative, CVX with vaccine groups, drug ingredients and brands, ICD-10-CM
 * titles. Pure lookups; SNOMED CT codes are kept as received (no table is shipped).
 */
import loincData from './data/loinc.json' with { type: 'json' };
import groupData from './data/lab-groups.json' with { type: 'json' };
import cvxData from './data/cvx.json' with { type: 'json' };
import rxData from './data/rxnorm.json' with { type: 'json' };
import icdData from './data/icd10.json' with { type: 'json' };
import { fold } from './text.js';

export const SYSTEMS = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  cvx: 'http://hl7.org/fhir/sid/cvx',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  ndc: 'http://hl7.org/fhir/sid/ndc',
  cpt: 'http://www.ama-assn.org/go/cpt',
} as const;

/** OIDs and spelling variants of the same code systems, as C-CDA and older feeds write them. */
const SYSTEM_ALIASES: Record<string, string> = {
  'urn:oid:2.16.840.1.113883.6.1': SYSTEMS.loinc,
  'urn:oid:2.16.840.1.113883.6.96': SYSTEMS.snomed,
  'http://snomed.info/id': SYSTEMS.snomed,
  'urn:oid:2.16.840.1.113883.6.88': SYSTEMS.rxnorm,
  'urn:oid:2.16.840.1.113883.12.292': SYSTEMS.cvx,
  'urn:oid:2.16.840.1.113883.6.90': SYSTEMS.icd10cm,
  'urn:oid:2.16.840.1.113883.6.3': SYSTEMS.icd10,
  'urn:oid:2.16.840.1.113883.6.69': SYSTEMS.ndc,
  'urn:oid:2.16.840.1.113883.6.12': SYSTEMS.cpt,
  'http://www.ama-assn.org/go/cpt/': SYSTEMS.cpt,
};

export function canonicalSystem(system: string | undefined): string {
  if (!system) return '';
  return SYSTEM_ALIASES[system] ?? system;
}

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export interface LoincEntry {
  code: string;
  display: string;
  group: string;
  kind: 'lab' | 'vital' | 'panel';
}

const loinc = new Map<string, LoincEntry>();
for (const [code, [display, group, kind]] of Object.entries(loincData.codes)) loinc.set(code, { code, display, group, kind: kind as LoincEntry['kind'] });

export interface LabGroup {
  id: string;
  display: string;
  unit?: string;
  mw?: number;
}
const groups = new Map<string, LabGroup>();
const groupByName = new Map<string, string>();
for (const [id, g] of Object.entries(groupData.groups) as Array<[string, { display: string; unit?: string; mw?: number; names: string[] }]>) {
  groups.set(id, { id, display: g.display, unit: g.unit, mw: g.mw });
  for (const n of g.names) if (!groupByName.has(fold(n))) groupByName.set(fold(n), id);
}

export function loincEntry(code: string | undefined): LoincEntry | undefined {
  return code ? loinc.get(code) : undefined;
}

export function labGroup(id: string | undefined): LabGroup | undefined {
  return id ? groups.get(id) : undefined;
}

/** Folded lab name with specimen and method words dropped, for synonym lookup. */
function labNameKey(name: string): string {
  return fold(name)
    .replace(/\b(serum|plasma|ser plas|ser|bld|blood|level|lvl|result|test|quant|quantitative|whole)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The test group of a lab or vital: by LOINC code when known, else by its printed name. */
export function testGroupOf(codings: Coding[], text?: string): { group?: string; kind?: LoincEntry['kind']; loinc?: string } {
  for (const c of codings) {
    if (canonicalSystem(c.system) !== SYSTEMS.loinc) continue;
    const e = loincEntry(c.code);
    if (e) return { group: e.group, kind: e.kind, loinc: e.code };
  }
  for (const name of [text, ...codings.map((c) => c.display)]) {
    if (!name) continue;
    const exact = groupByName.get(fold(name)) ?? groupByName.get(labNameKey(name));
    if (exact) return { group: exact, kind: kindOfGroup(exact) };
  }
  const firstLoinc = codings.find((c) => canonicalSystem(c.system) === SYSTEMS.loinc && c.code);
  return { loinc: firstLoinc?.code };
}

const VITAL_GROUPS = new Set(Object.values(loincData.codes).filter((v) => v[2] === 'vital').map((v) => v[1]));
function kindOfGroup(group: string): LoincEntry['kind'] {
  return VITAL_GROUPS.has(group) ? 'vital' : group.startsWith('panel-') ? 'panel' : 'lab';
}

// --- vaccines -------------------------------------------------------------------------
const cvx = new Map<string, { display: string; group: string }>();
for (const [code, [display, group]] of Object.entries(cvxData.codes)) cvx.set(code, { display, group });
const vaccineNames: Array<[string, string]> = [];
for (const [group, names] of Object.entries(cvxData.names)) for (const n of names) vaccineNames.push([fold(n), group]);
vaccineNames.sort((a, b) => b[0].length - a[0].length);

export function cvxEntry(code: string | undefined): { display: string; group: string } | undefined {
  if (!code) return undefined;
  return cvx.get(code) ?? cvx.get(code.replace(/^0+(?=\d)/, '')) ?? cvx.get(code.padStart(2, '0'));
}

/** Vaccine group ('tetanus', 'influenza', ...): by CVX code, else by words of its name. */
export function vaccineGroupOf(codings: Coding[], text?: string): string | undefined {
  for (const c of codings) {
    if (canonicalSystem(c.system) === SYSTEMS.cvx) {
      const e = cvxEntry(c.code);
      if (e) return e.group;
    }
  }
  const hay = ` ${[text, ...codings.map((c) => c.display)].map(fold).join(' ')} `;
  for (const [name, group] of vaccineNames) if (hay.includes(` ${name} `)) return group;
  return undefined;
}

// --- drugs ----------------------------------------------------------------------------
const ingredientById = new Map(Object.entries(rxData.ingredients));
const drugNames: Array<[string, string[]]> = [];
for (const n of rxData.names) drugNames.push([fold(n), [n]]);
for (const [alias, to] of Object.entries(rxData.aliases)) drugNames.push([fold(alias), [to]]);
for (const [brand, ings] of Object.entries(rxData.brands)) drugNames.push([fold(brand), ings]);
drugNames.sort((a, b) => b[0].length - a[0].length);

/** Ingredients of a drug (sorted, deduplicated), from RxNorm ingredient codes and names in its text. */
const ingredientCache = new Map<string, string[]>();

export function ingredientsOf(codings: Coding[], text?: string): string[] {
  const key = `${text ?? ''}\u0000${codings.map((c) => `${c.system ?? ''}|${c.code ?? ''}|${c.display ?? ''}`).join('\u0001')}`;
  const hit = ingredientCache.get(key);
  if (hit) return hit;
  const found = findIngredients(codings, text);
  if (ingredientCache.size > 50_000) ingredientCache.clear();
  ingredientCache.set(key, found);
  return found;
}

function findIngredients(codings: Coding[], text?: string): string[] {
  const out = new Set<string>();
  for (const c of codings) {
    if (canonicalSystem(c.system) === SYSTEMS.rxnorm && c.code && ingredientById.has(c.code)) out.add(ingredientById.get(c.code)!);
  }
  let hay = ` ${[text, ...codings.map((c) => c.display)].map(fold).join(' ')} `;
  for (const [name, ings] of drugNames) {
    const needle = ` ${name} `;
    if (!hay.includes(needle)) continue;
    for (const i of ings) out.add(i);
    hay = hay.split(needle).join(' ');
  }
  return [...out].sort();
}

// --- conditions -----------------------------------------------------------------------
const icd = new Map(Object.entries(icdData.codes));

export function icd10Display(code: string | undefined): string | undefined {
  return code ? icd.get(code) ?? icd.get(code.toUpperCase()) : undefined;
}

/** `I10`, `E03.9` → their 3-character category (`I10`, `E03`). */
export function icd10Category(code: string): string {
  return code.toUpperCase().replace(/\..*$/, '').slice(0, 3);
}
